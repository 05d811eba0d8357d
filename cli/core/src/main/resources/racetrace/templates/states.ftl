
State space of ${model}/${variant}, threads ${threads?join(", ")}:
   Java explorer: ${javaStates} distinct states in ${javaMillis} ms<#if !javaComplete> (stopped at --max-states ${maxStates?c}: not every state)</#if>
   TLC BFS:       <#if tlcStates gte 0>${tlcStates} distinct states in ${tlcMillis} ms (JVM start and parsing included)<#else>${tlc}</#if>
<#if verdict == "equal" && statewise>
   equal: the model and the spec reach the same states<#if speedRatio??>; Java explores ${speedRatio}x as many states per second</#if>
<#elseif verdict == "equal">
   equal counts: the model and the spec reach as many states; more than ${maxCompared?c}, so not compared state by state<#if speedRatio??>; Java explores ${speedRatio}x as many states per second</#if>
<#elseif verdict == "different">
   DIFFERENT<#if difference??>: ${difference}</#if>
<#elseif verdict == "inconclusive">
   inconclusive: <#if !javaComplete>the Java explorer stopped at --max-states ${maxStates?c}<#else>TLC stopped at --tlc-timeout</#if> before it had seen every state, so the counts are not compared (exit 4); give a larger <#if !javaComplete>--max-states<#else>--tlc-timeout</#if>
<#else>
   not compared: TLC could not run
</#if>
