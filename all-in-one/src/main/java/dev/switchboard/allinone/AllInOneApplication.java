package dev.switchboard.allinone;

/** {@code java -jar all-in-one-exec.jar}: Switchboard in one process, answering on {@code SWITCHBOARD_PORT} (8080). */
public final class AllInOneApplication {

    private AllInOneApplication() {
    }

    public static void main(String[] args) {
        // The services share one set of event loops; Reactor Netty's default (at least 4) oversubscribes small
        // machines, where every extra loop thread is a context switch on the hot path.
        if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
            System.setProperty("reactor.netty.ioWorkerCount",
                    Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
        AllInOne running;
        try {
            running = AllInOne.start(System::getenv, args);
        } catch (RuntimeException e) {
            System.err.println("Switchboard could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "switchboard-shutdown"));
        String key = running.newAdminKey();
        System.out.println();
        System.out.println("Switchboard is listening on http://127.0.0.1:" + running.port() + "  (OpenAI base URL: "
                + "http://127.0.0.1:" + running.port() + "/v1)");
        if (running.costUrl() != null) {
            System.out.println("Accounting: spend and the request log at " + running.costUrl() + "/v1/spend and "
                    + running.costUrl() + "/v1/requests (loopback only)");
        }
        if (key != null) {
            System.out.println("Your admin key, shown only this once (only its hash is kept): " + key);
            System.out.println("Set SWITCHBOARD_ADMIN_KEY to choose your own instead.");
        }
        System.out.println();
    }
}
