package racetrace.flags;

import java.util.EnumSet;
import java.util.Set;

/** The context a store runs in (research notes §3, §4 "context" columns). */
public enum Context {
    INIT("init"),
    PROBE("probe"),
    OPEN("open/enable"),
    CLOSE("close"),
    CONFIG_READ("config read"),
    CONFIG_WRITE("config write"),
    IOCTL("ioctl"),
    RPM_SUSPEND("runtime-PM suspend callback"),
    RPM_RESUME("runtime-PM resume callback"),
    SYSFS("sysfs"),
    PEER_RESET("peer device's reset"),
    PF_NOTIFIER("PF SR-IOV notifier"),
    RESET_DONE("PCI reset_done"),
    STATE_UNLOCK("state_mutex unlock path"),
    EQ_EVENT("EQ/CQ event");

    /** The device's own setup and release (see {@link #setupOrRelease}). */
    private static final Set<Context> SETUP_OR_RELEASE = EnumSet.of(INIT, PROBE, OPEN, CLOSE);

    private final String text;

    Context(String text) {
        this.text = text;
    }

    /**
     * Whether the device's own setup or release runs it (init, probe, open, close): the contexts the
     * thread's first policy keeps bitfields for. A peer device's reset reaches across from another
     * device and does not count.
     */
    public boolean setupOrRelease() {
        return SETUP_OR_RELEASE.contains(this);
    }

    @Override
    public String toString() {
        return text;
    }
}
