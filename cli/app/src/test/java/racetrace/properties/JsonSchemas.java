package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Validates JSON the commands print against the schemas shipped in racetrace/schema/. */
final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            InputStream in = JsonSchemas.class.getResourceAsStream("/racetrace/schema/" + n + ".schema.json");
            assertThat(in).as("schema " + n).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        });
    }

    /** Fails with the validator's messages when the line does not match the command's schema. */
    static void assertValid(String name, String line) {
        Set<ValidationMessage> errors;
        try {
            errors = schema(name).validate(JSON.readTree(line));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
        assertThat(errors).as("%s against %s.schema.json", line, name).isEmpty();
    }
}
