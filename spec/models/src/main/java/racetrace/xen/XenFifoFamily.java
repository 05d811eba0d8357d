package racetrace.xen;

import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/** The Xen FIFO event-channel family {@code xen-fifo}: one variant per version of set_pending. */
public final class XenFifoFamily implements ModelFamily {

    public static final String NAME = "xen-fifo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Xen FIFO event channels: evtchn_fifo_set_pending (xen/common/event_fifo.c) against the Linux consumer";
    }

    @Override
    public List<String> variants() {
        return XenVersion.ids();
    }

    @Override
    public String describeVariant(String variant) {
        return XenVersion.of(variant).description();
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return new XenFifoModel(XenVersion.of(variant));
    }
}
