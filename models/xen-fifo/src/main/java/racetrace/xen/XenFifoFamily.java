package racetrace.xen;

import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/**
 * The Xen FIFO event-channel family {@code xen-fifo}: one variant per version of set_pending, and
 * the option {@code callers}, the era whose callers' locks the Xen ops hold (notes 1.7). Each
 * version defaults to the era it shipped in; d shipped from 4.4 to 4.14, across the 2013 and 2015
 * eras and the first weeks of 2020-09, and defaults to 2015, the era of most of its releases
 * (4.6 to 4.14, five years). {@code none} holds no lock: every interleaving, realisable or not.
 */
public final class XenFifoFamily implements ModelFamily {

    public static final String NAME = "xen-fifo";
    public static final String CALLERS = "callers";

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
        XenVersion v = XenVersion.of(variant);
        return v.description() + " [callers " + v.shipped().id() + "]";
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of(CALLERS, Callers.ids());
    }

    @Override
    public String defaultOption(String variant, String option) {
        return option.equals(CALLERS) ? XenVersion.of(variant).shipped().id() : ModelFamily.super.defaultOption(variant, option);
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        String era = options.get(CALLERS);
        XenVersion v = XenVersion.of(variant);
        return new XenFifoModel(v, era == null ? v.shipped() : Callers.of(era));
    }
}
