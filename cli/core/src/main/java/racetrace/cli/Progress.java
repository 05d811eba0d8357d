package racetrace.cli;

/** Rough durations for the "expected size" line long commands print before they start. */
final class Progress {

    private Progress() {
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format("%.1f h", seconds / 3600);
    }
}
