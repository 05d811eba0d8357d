racetrace: wrote the ${name} model project to ${dir}:
<#list files as f>
   ${f}
</#list>
Next (racetrace installed with mvn install, see the README):
   <#if dir != ".">cd ${dir} && </#if>mvn -B test                 # the property of variant fixed holds
   racetrace --model-path ${dir}/target/classes hunt ${name} --tlc
   racetrace --model-path ${dir}/target/classes conform ${name} --states
Then make ${prefix}Model.java and src/main/tla/${prefix}.tla describe your code, step for step,
with actions() and coverageScenarios() (docs/tutorial.md says what each gives).
