package racetrace.flags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import racetrace.engine.BadInputException;

/**
 * Reads a text file a user gives (a layout file, a C declaration): a binary file, one that is not
 * UTF-8, a FIFO or device, or one far larger than any such text is refused naming the file and
 * what it is, never with a decoder's own words.
 */
public final class TextFiles {

    /** Far more than any layout file or struct declaration. */
    static final long MAX_BYTES = 16L << 20;

    private TextFiles() {
    }

    /**
     * The file's text.
     *
     * @param what how messages call the file ("layout file", "C file")
     */
    public static String read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(what + " " + file + (Files.exists(file) ? " is not a regular file (a FIFO, a "
                    + "device or a directory?)" : " does not exist"));
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(what + " " + file + " has " + (Files.size(file) >> 20) + " MiB, far more "
                        + "than a " + what + " holds; is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + what + " " + file + " (" + reason(e) + ")");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(what + " " + file + " is a binary file (a NUL byte at offset " + i
                        + "), not text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadInputException(what + " " + file + " is not UTF-8 text (a binary file, or another encoding?)");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
