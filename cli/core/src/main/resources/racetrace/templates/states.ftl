State space of ${model}/${variant}, threads ${threads?join(", ")}:
   Java explorer: ${javaStates} distinct states in ${javaMillis} ms<#if !javaComplete> (stopped at the cap: not complete)</#if>
   TLC BFS:       <#if tlcStates gte 0>${tlcStates} distinct states in ${tlcMillis} ms (JVM start and parsing included)<#else>${tlc}</#if>
<#if equal>
   equal: the model and the spec reach the same states<#if speedRatio??>; Java explores ${speedRatio}x as many states per second</#if>
<#else>
   DIFFERENT<#if difference??>: ${difference}</#if>
</#if>
