<#-- What a hunt's completed work covered, on one line: in full (verdicts, JSON) or brief (the summary table). -->
<#if empty>
<#if brief>nothing completed<#else>no random run, no scope and no swarm scenario completed<#if partial gt 0> (${partial} scenarios of a scope explored, the scope unfinished)</#if></#if>
<#elseif brief>
<#assign parts = []>
<#if scope?has_content><#assign parts = parts + ["exhaustive to " + scope]></#if>
<#if runs gt 0><#assign parts = parts + [runs + " runs"]></#if>
<#if swarmScenarios gt 0><#assign parts = parts + [swarmScenarios + " swarm scenarios"]></#if>
<#if !scope?has_content><#assign parts = parts + ["not exhaustive"]></#if>
${parts?join("; ")}
<#else>
<#if scope?has_content>exhaustive: every scenario up to ${scope}, ${scopeScenarios} scenarios, ${scopeStates} states; random: <#else>random: </#if>${runs} runs<#if swarmScenarios gt 0>, ${swarmScenarios} random scenarios explored exhaustively (${swarmStates} states)</#if><#if !scope?has_content>; not exhaustive</#if>
</#if>
