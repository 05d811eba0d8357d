package racetrace.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import racetrace.engine.BadInputException;

/** The default start values of a {@link Program}: its memory and register classes, made by their constructors. */
final class Starts {

    private Starts() {
    }

    /** A new instance of type argument {@code index} of the {@link Program} that {@code program} implements. */
    @SuppressWarnings("unchecked")
    static <T> T make(Class<?> program, int index, String method) {
        Class<?> type = typeArgument(program, index);
        if (type == null) {
            throw new BadInputException(program.getName() + " implements Program without naming its memory and register"
                    + " classes: implement " + method + " to make the start values");
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return (T) c.newInstance();
        } catch (NoSuchMethodException e) {
            throw new BadInputException(type.getName() + " needs a constructor without parameters (or implement "
                    + program.getSimpleName() + "." + method + ")");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName() + ": " + e, e);
        }
    }

    private static Class<?> typeArgument(Class<?> program, int index) {
        for (Class<?> k = program; k != null; k = k.getSuperclass()) {
            for (Type t : k.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == Program.class) {
                    return p.getActualTypeArguments()[index] instanceof Class<?> c ? c : null;
                }
            }
        }
        return null;
    }
}
