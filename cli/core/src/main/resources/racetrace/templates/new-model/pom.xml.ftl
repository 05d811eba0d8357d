<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by racetrace new-model: a model of your own, tested with mvn test. -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${groupId}</groupId>
  <artifactId>${name}</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <name>${name}</name>

  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <racetrace.version>${racetraceVersion}</racetrace.version>
  </properties>

  <!-- The BOM gives the racetrace artifacts, jqwik and JUnit in versions that go together. -->
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.racetrace</groupId>
        <artifactId>racetrace-bom</artifactId>
        <version>${r"${racetrace.version}"}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <dependencies>
    <!-- The model: the engine API only (JDK, nothing else). -->
    <dependency>
      <groupId>io.racetrace</groupId>
      <artifactId>racetrace-engine</artifactId>
    </dependency>
    <!-- mvn test: @RaceSuite tables (one test per row), the counterexample bundle, TLC. -->
    <dependency>
      <groupId>io.racetrace</groupId>
      <artifactId>racetrace-jqwik</artifactId>
      <scope>test</scope>
    </dependency>
    <!-- The regression tests racetrace writes are JUnit 5 tests. -->
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <resources>
      <resource>
        <directory>src/main/resources</directory>
      </resource>
      <!-- The TLA+ spec, on the classpath under tla/ where racetrace looks for it. -->
      <resource>
        <directory>src/main/tla</directory>
        <targetPath>tla</targetPath>
      </resource>
    </resources>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>3.4.2</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.5.4</version>
        <configuration>
          <trimStackTrace>true</trimStackTrace>
          <includes>
            <include>**/*Properties.java</include>
            <include>**/*Test.java</include>
          </includes>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
