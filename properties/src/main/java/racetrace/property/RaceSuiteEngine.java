package racetrace.property;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine that runs {@link RaceSuite} tables: one container per class, one test per
 * row, named after the row, so that Maven's summary names the instance that failed (a jqwik group
 * of the older {@link RaceProperties} form shows as a rerun of one method). Found through {@code
 * META-INF/services}: a project that depends on racetrace-jqwik needs no configuration.
 */
public final class RaceSuiteEngine implements TestEngine {

    public static final String ID = "racetrace-suite";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.racetrace");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("racetrace-jqwik");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "racetrace suites");
        Predicate<String> names = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate();
        Set<Class<?>> classes = new LinkedHashSet<>();
        // Rows asked for by unique id (a re-run from an IDE); none: every row of the class.
        Map<Class<?>, Set<String>> onlyRows = new LinkedHashMap<>();
        for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) {
            load(s.getClassName()).filter(RaceSuiteEngine::isSuite).ifPresent(classes::add);
        }
        for (MethodSelector s : request.getSelectorsByType(MethodSelector.class)) {
            load(s.getClassName()).filter(RaceSuiteEngine::isSuite).ifPresent(classes::add);
        }
        for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) {
            classes.addAll(ReflectionSupport.findAllClassesInPackage(s.getPackageName(), RaceSuiteEngine::isSuite, names));
        }
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            classes.addAll(ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(), RaceSuiteEngine::isSuite,
                    names));
        }
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            List<UniqueId.Segment> seg = s.getUniqueId().getSegments();
            if (seg.size() < 2 || !seg.get(0).getValue().equals(ID) || !seg.get(1).getType().equals(SUITE)) {
                continue;
            }
            Optional<Class<?>> c = load(seg.get(1).getValue()).filter(RaceSuiteEngine::isSuite);
            if (c.isPresent()) {
                classes.add(c.get());
                if (seg.size() > 2 && seg.get(2).getType().equals(ROW)) {
                    onlyRows.computeIfAbsent(c.get(), k -> new LinkedHashSet<>()).add(seg.get(2).getValue());
                }
            }
        }
        for (Class<?> c : classes) {
            if (names.test(c.getName())) {
                engine.addChild(suite(engine.getUniqueId(), c, onlyRows.get(c)));
            }
        }
        return engine;
    }

    static final String SUITE = "suite";
    static final String ROW = "row";

    private static Optional<Class<?>> load(String name) {
        return ReflectionSupport.tryToLoadClass(name).toOptional();
    }

    /** A class with at least one {@link RaceSuite} method. */
    static boolean isSuite(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(RaceSuite.class)) {
                return true;
            }
        }
        return false;
    }

    private static TestDescriptor suite(UniqueId parent, Class<?> c, Set<String> only) {
        UniqueId id = parent.append(SUITE, c.getName());
        String pkg = c.getPackageName();
        String name = (pkg.isEmpty() ? c.getName() : c.getName().substring(pkg.length() + 1)).replace('$', '.');
        Container suite = new Container(id, name, c);
        for (Method m : c.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(RaceSuite.class)) {
                continue;
            }
            RaceTable table;
            try {
                table = table(c, m);
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                suite.addChild(new Row(id.append(ROW, m.getName()), m.getName() + "()", null, null, cause));
                continue;
            }
            for (RaceTable.Row r : table.rows()) {
                if (only == null || only.contains(r.name())) {
                    suite.addChild(new Row(id.append(ROW, r.name()), r.name(), r, table, null));
                }
            }
        }
        return suite;
    }

    private static RaceTable table(Class<?> c, Method m) throws ReflectiveOperationException {
        if (m.getParameterCount() != 0 || !RaceTable.class.isAssignableFrom(m.getReturnType())) {
            throw new IllegalArgumentException("@RaceSuite method " + c.getName() + "." + m.getName()
                    + " must take no parameters and return a RaceTable");
        }
        m.setAccessible(true);
        Object target = null;
        if (!Modifier.isStatic(m.getModifiers())) {
            if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
                throw new IllegalArgumentException("@RaceSuite method " + m.getName() + " is in the inner class "
                        + c.getName() + "; make the class or the method static");
            }
            Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            target = ctor.newInstance();
        }
        RaceTable t = (RaceTable) m.invoke(target);
        if (t == null) {
            throw new IllegalArgumentException("@RaceSuite method " + c.getName() + "." + m.getName() + " returned null");
        }
        return t;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor root = request.getRootTestDescriptor();
        listener.executionStarted(root);
        for (TestDescriptor child : new ArrayList<>(root.getChildren())) {
            Container suite = (Container) child;
            listener.executionStarted(suite);
            for (TestDescriptor t : new ArrayList<>(suite.getChildren())) {
                Row row = (Row) t;
                listener.executionStarted(row);
                listener.executionFinished(row, row.run(suite.type));
            }
            listener.executionFinished(suite, TestExecutionResult.successful());
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    /** A class of rows. */
    private static final class Container extends AbstractTestDescriptor {
        final Class<?> type;

        Container(UniqueId id, String name, Class<?> type) {
            super(id, name, ClassSource.from(type));
            this.type = type;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** One row: a test named after it. */
    private static final class Row extends AbstractTestDescriptor {
        private final RaceTable.Row row;
        private final RaceTable table;
        private final Throwable broken;

        Row(UniqueId id, String name, RaceTable.Row row, RaceTable table, Throwable broken) {
            super(id, name);
            this.row = row;
            this.table = table;
            this.broken = broken;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

        TestExecutionResult run(Class<?> suite) {
            if (broken != null) {
                return TestExecutionResult.failed(broken);
            }
            try {
                RowCheck.run(row, table.budget(), table.counterexampleCheck(), suite);
                return TestExecutionResult.successful();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                return TestExecutionResult.failed(t);
            }
        }
    }
}
