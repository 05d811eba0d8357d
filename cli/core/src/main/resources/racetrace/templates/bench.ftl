# racetrace bench

Machine: ${machine}. Seeds per instance and strategy: ${seeds}; each hunt stops at its first
counterexample or after ${seconds} s.

## Time to the first counterexample (ms; median, 10th and 90th percentile, worst, over the seeds that found one)

| instance | strategy | found | median | p10 | p90 | worst |
|---|---|---|---|---|---|---|
<#list first as r>
| ${r.instance} | ${r.strategy} | ${r.found}/${r.seeds} | ${r.median} | ${r.p10} | ${r.p90} | ${r.max} |
</#list>
<#if exhaustive?has_content>

## Exhaustive search: the Java explorer and TLC's BFS (one worker) on the same states

Both without invariants. Java: warmed up, best of three. TLC: wall clock (JVM start and parsing
included) and TLC's own reported time.

| instance | what | scenarios | Java states | TLC states | Java ms | TLC ms (wall / own) | Java states/s | TLC states/s (wall / own) | ratio (wall / own) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|
<#list exhaustive as r>
| ${r.instance} | ${r.what} | ${r.scenarios} | ${r.javaStates} | ${r.tlcStates} | ${r.javaMillis} | ${r.tlcMillis} / ${r.tlcOwnMillis} | ${r.javaRate} | ${r.tlcRate} / ${r.tlcOwnRate} | ${r.ratio} / ${r.ownRatio} | ${r.verdict} |
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
