# racetrace bench

Machine: ${machine}; load average at the end of the run (1, 5, 15 min): ${load}. Times measured
under load are upper bounds.
<#if first?has_content>

Seeds per instance and strategy: ${seeds}; each hunt stops at its first counterexample or after
${seconds} s.

## Time to the first counterexample (ms; median, 10th and 90th percentile, worst, over the seeds that found one)

| instance | strategy | found | median | p10 | p90 | worst |
|---|---|---|---|---|---|---|
<#list first as r>
| ${r.instance} | ${r.strategy} | ${r.found}/${r.seeds} | ${r.median} | ${r.p10} | ${r.p90} | ${r.max} |
</#list>
</#if>
<#if exhaustive?has_content>

## Exhaustive search: the Java explorer and TLC's BFS (one worker) on the same states

Both without invariants. Java: warmed up, best of three, on every core (${cores}); per core is
its rate divided by the cores; with sleep sets where the model declares footprints (a
partial-order reduction that still visits every state: the count is the unreduced search's, which
the verdict checks, with fewer transitions computed). TLC: one worker; wall clock (JVM start and parsing included) and
TLC's own reported time. Rows under 1 M states are start-up dominated: TLC's start (about a
second whatever the size) is much of its time there, so their ratios say more about start-up
than about exploration; compare the rows of at least 1 M states. Java's CPU ms are those of the
whole JVM (workers, GC, JIT) during its fastest run: states per CPU-second is what a dedicated core
does, whatever the load. A row without TLC (--java-only) has - in TLC's columns.

| instance | what | size | scenarios | Java states | TLC states | Java ms (wall / CPU) | TLC ms (wall / own) | Java states/s (all cores / per core / per CPU-second) | TLC states/s per worker (wall / own) | ratio, all cores (wall / own) | ratio per core to per worker (own) | Java bytes/state | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
<#list exhaustive as r>
| ${r.instance} | ${r.what} | ${r.size} | ${r.scenarios} | ${r.javaStates} | <#if (r.tlcStates >= 0)>${r.tlcStates}<#else>-</#if> | ${r.javaMillis} / ${r.javaCpuMillis} | <#if (r.tlcStates >= 0)>${r.tlcMillis} / ${r.tlcOwnMillis}<#else>-</#if> | ${r.javaRate} / ${r.javaRatePerCore} / ${r.javaRatePerCpuSecond} | ${r.tlcRate} / ${r.tlcOwnRate} | ${r.ratio} / ${r.ownRatio} | ${r.coreRatio} | ${r.bytesPerState} | ${r.verdict} |
</#list>
</#if>
<#if shrink?has_content>

## Shrunk counterexamples and TLC's shortest (BFS on the same scenario and invariant)

| instance | invariant | Java measure | Java step-shortest | TLC shortest | TLC states | TLC ms | minimality |
|---|---|---|---|---|---|---|---|
<#list shrink as r>
| ${r.instance} | ${r.invariant} | ${r.measure} | ${r.javaStepShortest} | ${r.tlcShortest} | ${r.tlcStates} | ${r.tlcMillis} | ${r.minimality} |
</#list>
</#if>
