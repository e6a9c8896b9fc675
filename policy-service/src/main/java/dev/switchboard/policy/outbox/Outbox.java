package dev.switchboard.policy.outbox;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.policy.store.Jsonb;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a change in the transaction that makes it. Writers serialise on a transaction-scoped advisory lock, so
 * changes commit in {@code seq} order: a reader never sees seq n+1 committed while n is still pending, which keeps
 * the publisher's order and the snapshot's {@code seq} exact.
 */
public final class Outbox {

    private static final long LOCK = 0x5377_6974_6368_5043L;

    private final JdbcClient jdbc;
    private final List<Runnable> committedListeners = new CopyOnWriteArrayList<>();

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code listener} after every transaction that recorded a change commits. */
    public void onCommitted(Runnable listener) {
        committedListeners.add(listener);
    }

    /** Takes the writers' lock; call it before the entity write so entity rows are locked in seq order too. */
    public void lock() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("policy changes are recorded inside a transaction");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleValue();
    }

    /** Records the new state of an entry ({@code body}) or its removal ({@code null}). */
    public PolicyChange record(Entity entity, String id, @Nullable Object body) {
        lock();
        long seq = jdbc.sql("INSERT INTO changes (entity, entity_id, body) VALUES (?, ?, ?::jsonb) RETURNING seq")
                .params(entity.label(), id, body == null ? null : Jsonb.write(body))
                .query(Long.class).single();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committedListeners.forEach(Runnable::run);
            }
        });
        return new PolicyChange(seq, entity, id, body);
    }
}
