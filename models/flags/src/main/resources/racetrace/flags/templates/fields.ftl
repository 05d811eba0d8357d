== ${instance}: ${pairs} pair<#if pairs != 1>s</#if> of fields share a storage unit; ${racing} race<#if racing == 1>s</#if>
   layout:  ${layout}
   scope:   ${scope}
   explored ${scenarios} scenarios, ${states} distinct states, in ${millis} ms
   assumed:
<#list assumed as a>
     ${a}
</#list>
<#list races as r>

-- ${r.pair}: RACES${r.condition}
   lost:     ${r.lost}
   by:       ${r.by}
   measure:  ${r.measure} (fewest ops over the scope, then fewest preemptions and steps)
   scenario: ${r.scenario}
<#if r.dependsOn?has_content>
   rests on:
<#list r.dependsOn as d>
     ${d}
</#list>
<#else>
   rests on: none of the assumptions (with each flipped, the same scenario still loses the update)
</#if>
   replay:   racetrace replay${replayOptions} ${r.schedule}

${r.table}
</#list>
<#if safe?has_content>

-- safe within the scope (every scenario explored to the end, no lost update between the two):
<#list safe as s>
   ${s.pair?right_pad(40)} ${s.why}<#if !s.complete> (a scenario hit the state cap: not exhaustive)</#if>
</#list>
</#if>

