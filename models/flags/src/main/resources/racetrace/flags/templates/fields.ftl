== ${instance}: ${pairs} pair<#if pairs != 1>s</#if> of fields share a storage unit; ${racing} race<#if racing != 1>s</#if><#if undecidedCount gt 0>; ${undecidedCount} undecided (a search stopped at --max-states ${maxStates?c})</#if><#if unknown?has_content>; ${unknown?size} unknown (no writer)</#if>
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
<#if r.complete>
   measure:  ${r.measure} (fewest ops over the scope, then fewest preemptions and steps)
<#else>
   measure:  ${r.measure} (a race, but not shown minimal: a search stopped at --max-states ${maxStates?c})
</#if>
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
<#if undecided?has_content>

-- undecided (inconclusive): no lost update found, but a search stopped at --max-states ${maxStates?c} before the end;
   nothing is claimed about these pairs (give a larger --max-states):
<#list undecided as s>
   ${s.pair?right_pad(40)} ${s.why}
</#list>
</#if>
<#if safe?has_content>

-- safe within the scope (every scenario explored to the end, no lost update between the two):
<#list safe as s>
   ${s.pair?right_pad(40)} ${s.why}
</#list>
</#if>
<#if unknown?has_content>

-- unknown (no writer): no row of the writers table stores a field of these pairs, so no thread of the model
   stores it and nothing was explored; not safe (give the field's writers with --writers FILE):
<#list unknown as u>
   ${u.pair?right_pad(40)} no writer: ${u.noWriter}
</#list>
</#if>
