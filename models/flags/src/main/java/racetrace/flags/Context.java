package racetrace.flags;

/** The context a store runs in (research notes §3, §4 "context" columns). */
public enum Context {
    INIT("init", true),
    PROBE("probe", true),
    OPEN("open/enable", true),
    CLOSE("close", true),
    CONFIG_READ("config read", false),
    CONFIG_WRITE("config write", false),
    IOCTL("ioctl", false),
    RPM_SUSPEND("runtime-PM suspend callback", false),
    RPM_RESUME("runtime-PM resume callback", false),
    SYSFS("sysfs", false),
    PEER_RESET("peer device's reset", false),
    PF_NOTIFIER("PF SR-IOV notifier", false),
    RESET_DONE("PCI reset_done", false),
    STATE_UNLOCK("state_mutex unlock path", false),
    EQ_EVENT("EQ/CQ event", false);

    private final String text;
    private final boolean setupOrRelease;

    Context(String text, boolean setupOrRelease) {
        this.text = text;
        this.setupOrRelease = setupOrRelease;
    }

    /**
     * Whether the device's own setup or release runs it (init, probe, open, close): the contexts the
     * thread's first policy keeps bitfields for. A peer device's reset reaches across from another
     * device and does not count.
     */
    public boolean setupOrRelease() {
        return setupOrRelease;
    }

    @Override
    public String toString() {
        return text;
    }
}
