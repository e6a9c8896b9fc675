package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One change on {@code policy-changes}: the new state of one entry, or its removal ({@code body == null}).
 * {@code seq} rises with every change the policy service commits, so a replica applies a change only when it is
 * newer than what it holds for that entry. The Kafka record key is {@link #entityKey()} (the topic is compacted, so
 * it ends up holding the latest state of every entry).
 */
public record PolicyChange(long seq, Entity entity, String id, @Nullable Object body) {

    public PolicyChange {
        requireNonNull(entity, "entity");
        requireNonNull(id, "id");
        if (body != null && !entity.type.isInstance(body)) {
            throw new IllegalArgumentException(entity + " change carries a " + body.getClass().getSimpleName());
        }
    }

    public static PolicyChange of(long seq, TeamPolicy team) {
        return new PolicyChange(seq, Entity.TEAM, team.id(), team);
    }

    public static PolicyChange of(long seq, KeyPolicy key) {
        return new PolicyChange(seq, Entity.KEY, key.id(), key);
    }

    public static PolicyChange of(long seq, ProviderDataPolicy policy) {
        return new PolicyChange(seq, Entity.PROVIDER_POLICY, policy.provider(), policy);
    }

    public static PolicyChange of(long seq, SealedCredential credential) {
        return new PolicyChange(seq, Entity.CREDENTIAL, credential.name(), credential);
    }

    public static PolicyChange of(long seq, ModelAlias alias) {
        return new PolicyChange(seq, Entity.ALIAS, alias.alias(), alias);
    }

    public static PolicyChange of(long seq, RouteDefinition route) {
        return new PolicyChange(seq, Entity.ROUTE, route.name(), route);
    }

    public static PolicyChange of(long seq, OrgPolicy org) {
        return new PolicyChange(seq, Entity.ORG, org.id(), org);
    }

    public static PolicyChange removed(long seq, Entity entity, String id) {
        return new PolicyChange(seq, entity, id, null);
    }

    public String entityKey() {
        return entity.label + ":" + id;
    }

    /** The kinds of entries the routers hold. */
    public enum Entity {
        TEAM("team", TeamPolicy.class),
        KEY("key", KeyPolicy.class),
        PROVIDER_POLICY("provider-policy", ProviderDataPolicy.class),
        CREDENTIAL("credential", SealedCredential.class),
        ALIAS("alias", ModelAlias.class),
        ROUTE("route", RouteDefinition.class),
        ORG("org", OrgPolicy.class);

        private final String label;
        private final Class<?> type;

        Entity(String label, Class<?> type) {
            this.label = label;
            this.type = type;
        }

        public String label() {
            return label;
        }

        public Class<?> type() {
            return type;
        }

        public static Entity parse(String label) {
            for (Entity entity : values()) {
                if (entity.label.equals(label)) {
                    return entity;
                }
            }
            throw new IllegalArgumentException("unknown policy entity '" + label + "'");
        }
    }
}
