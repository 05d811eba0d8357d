<#-- Everything about one hunted instance, written under --out: how each violation was found and what backs it.
     No wall times (millis absent): the same seed and work write the same bytes. -->
== ${instance}: ${verdictText}<#if millis??> in ${millis} ms</#if> (seed ${seed}, strategy ${strategy})
   searched: ${evidence}
<#if cutShort?has_content>
   ${cutShort}
</#if>
<#list findings as f>

<#if f.fromFirst>
-- ${f.invariant}<#if f.deadlock> (a deadlock: no thread can step and some have not finished)</#if> violated${f.condition} (found by ${f.foundBy}<#if f.tryNumber gt 0> after ${f.tryNumber} random runs</#if><#if f.scenarios gt 0> after ${f.scenarios} explored scenarios</#if><#if f.millisToFirst??>, ${f.millisToFirst} ms; shrunk in ${f.millisToShrink} ms<#else>; shrunk</#if> from ${f.original})
<#else>
-- ${f.invariant}<#if f.deadlock> (a deadlock: no thread can step and some have not finished)</#if> violated${f.condition} (first found by ${f.foundBy}<#if f.tryNumber gt 0> after ${f.tryNumber} random runs</#if><#if f.scenarios gt 0> after ${f.scenarios} explored scenarios</#if><#if f.millisToFirst??>, ${f.millisToFirst} ms</#if>, as ${f.original}; <#if f.millisToFirst??>shrunk in ${f.millisToShrink} ms<#else>shrunk</#if> from the case below)
   from:     ${f.fromMeasure}, found by ${f.fromBy}<#if f.fromTries gt 0> after ${f.fromTries} random runs</#if><#if f.fromScenarios gt 0> after ${f.fromScenarios} explored scenarios</#if><#if f.starts gt 1> (its minimal case is the smallest of the ${f.starts} cases minimised: the smallest in hand, one per configuration, and the one found first)</#if>: racetrace replay${replayOptions} ${f.fromSchedule}
</#if>
   race:     ${f.explanation}
   measure:  ${f.measure}
<#list f.assumes as a>
   assumes:  ${a}
</#list>
   minimal:  ${f.minimality}
<#if f.stepShortest?has_content>
   shortest: ${f.stepShortest}
</#if>
   scenario: ${f.scenario}
   replay:   racetrace replay${replayOptions} ${f.schedule}

${f.table}
</#list>
<#if deadlocks gt 0>
   ${deadlocks} runs or states deadlocked; first: racetrace replay${replayOptions} ${deadlockCase}
</#if>
<#if stepLimits gt 0>
   ${stepLimits} runs hit the step limit
</#if>
<#if withNotices gt 0>
   ${withNotices} runs or transitions took a designed give-up path; first: ${firstNotice}
</#if>
