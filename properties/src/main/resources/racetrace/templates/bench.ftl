== ${instance}: ${rate} runs/s on one core; ${seeds} seeds, ${tries} tries each
<#list rows as r>
   ${r.invariant}: found by ${r.found}/${seeds} seeds; median ${r.tries} tries, ${r.first} ms to first, ${r.shrink} ms to shrink; shrunk ${r.smallest} .. ${r.largest}
</#list>
<#if !rows?has_content>
   held in every seed (median hunt ${held} ms)
</#if>
<#list tlcRows as t>
   seed ${firstSeed}, ${t.invariant}: Java shrunk to ${t.java} steps (${t.measure}; ${t.javaMillis} ms to find and shrink) | TLC BFS on that scenario: ${t.tlcVerdict}, shortest ${t.tlc} steps, ${t.states} distinct states, ${t.tlcMillis} ms
</#list>
