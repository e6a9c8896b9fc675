package dev.switchboard.router.redis;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/**
 * One Lettuce connection and the Lua scripts a counter runs on it, loaded once and called by SHA; a script Redis
 * has forgotten ({@code SCRIPT FLUSH}, a restart) is sent again in full. Calls block for at most 2 s.
 */
public final class RedisScripts implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String[] scripts;
    private final String[] shas;

    /**
     * @param url     e.g. {@code redis://127.0.0.1:6379/0}
     * @param scripts the Lua scripts, later named by their position
     */
    public RedisScripts(String url, String... scripts) {
        RedisURI uri = RedisURI.create(requireNonNull(url, "url"));
        uri.setTimeout(Duration.ofSeconds(2));
        this.client = RedisClient.create(uri);
        this.scripts = scripts.clone();
        this.shas = new String[scripts.length];
        try {
            this.connection = client.connect();
            for (int i = 0; i < scripts.length; i++) {
                shas[i] = connection.sync().scriptLoad(scripts[i]);
            }
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** Runs script number {@code script} with its keys and arguments. */
    public <T> T eval(int script, ScriptOutputType type, String[] keys, String[] args) {
        try {
            return connection.sync().evalsha(shas[script], type, keys, args);
        } catch (RedisNoScriptException flushed) {
            return connection.sync().eval(scripts[script], type, keys, args);
        }
    }

    /** Plain commands, for diagnostics and tests. */
    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
