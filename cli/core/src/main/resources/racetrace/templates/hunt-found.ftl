<#-- A counterexample as the search found it, printed (on stderr) before minimisation starts, so that nothing can lose it. -->
${instance}: ${invariant}<#if deadlock> (a deadlock)</#if> violated, found by ${foundBy}<#if runs gt 0> after ${runs} random runs</#if><#if scenarios gt 0> after ${scenarios} explored scenarios</#if><#if millis??> (${millis} ms)</#if>; minimising it. As found (${measure}):
   replay: racetrace replay${replayOptions} ${schedule}
${table}
