package dev.switchboard.router.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Events waiting for the broker, oldest first: one JSON document per line in {@code completions.jsonl}, and in
 * {@code completions.jsonl.offset} the byte offset of the first line not yet acknowledged. Appends are written and
 * forced to disk before {@link #append} returns; {@link #remove} only moves the offset (atomically replaced), and the
 * file is truncated once every line is acknowledged. A crash between the broker's acknowledgement and the offset
 * update sends those lines again (consumers dedupe by request id); a line cut short by a crash while appending is
 * dropped on open. Thread-safe: appends may come from any thread.
 */
public final class SpoolFile implements AutoCloseable {

    static final String FILE_NAME = "completions.jsonl";
    private static final int READ_CHUNK = 64 * 1024;

    private final Path file;
    private final Path offsetFile;
    private final FileChannel channel;
    private long consumed;
    private long end;
    private int pending;

    /** A pending line and the offset just past it. */
    public record Line(byte[] json, long next) {
    }

    private SpoolFile(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.offsetFile = file.resolveSibling(file.getFileName() + ".offset");
        this.channel = channel;
        this.end = lastLineEnd();
        if (end < channel.size()) {
            channel.truncate(end);
        }
        this.consumed = readOffset();
        this.pending = countLines(consumed, end);
    }

    /** Opens (or creates) {@code completions.jsonl} in {@code directory}, creating the directory if needed. */
    public static SpoolFile open(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE_NAME);
            return new SpoolFile(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the completion event spool in " + directory, e);
        }
    }

    public Path path() {
        return file;
    }

    public synchronized boolean isEmpty() {
        return pending == 0;
    }

    /** Lines not yet acknowledged. */
    public synchronized int size() {
        return pending;
    }

    public void append(byte[] line) {
        append(List.of(line));
    }

    /** Appends the lines in order and forces them to disk; a line must not contain a line break. */
    public synchronized void append(List<byte[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            for (byte b : line) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("a spooled event must be one line, got a line break in "
                            + new String(line, StandardCharsets.UTF_8));
                }
            }
            out.writeBytes(line);
            out.write('\n');
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
            long position = end;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            end = position;
            pending += lines.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the completion event spool " + file, e);
        }
    }

    /** Up to {@code max} of the oldest pending lines. */
    public synchronized List<Line> head(int max) {
        List<Line> lines = new ArrayList<>(Math.min(max, pending));
        var current = new ByteArrayOutputStream();
        long position = consumed;
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        try {
            while (lines.size() < max && position < end) {
                buffer.clear().limit((int) Math.min(READ_CHUNK, end - position));
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                for (int i = 0; i < read && lines.size() < max; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        lines.add(new Line(current.toByteArray(), position + i + 1));
                        current.reset();
                    } else {
                        current.write(b);
                    }
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the completion event spool " + file, e);
        }
        return lines;
    }

    /** Removes the oldest lines up to and including {@code last}, {@code count} lines in all (from {@link #head}). */
    public synchronized void remove(Line last, int count) {
        if (count <= 0) {
            return;
        }
        if (count > pending || last.next() > end || last.next() <= consumed) {
            throw new IllegalArgumentException("cannot remove " + count + " lines up to offset " + last.next()
                    + " from a spool with " + pending + " lines between offsets " + consumed + " and " + end);
        }
        try {
            pending -= count;
            if (pending == 0) {
                channel.truncate(0);
                channel.force(true);
                consumed = 0;
                end = 0;
            } else {
                consumed = last.next();
            }
            writeOffset(consumed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the completion event spool " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the completion event spool " + file, e);
        }
    }

    private void writeOffset(long offset) throws IOException {
        Path temp = offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(Long.toString(offset).getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Files.move(temp, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The saved offset when it still points at a line start of this file (a truncation may have outrun it), else 0. */
    private long readOffset() throws IOException {
        if (!Files.exists(offsetFile)) {
            return 0;
        }
        long offset;
        try {
            offset = Long.parseLong(Files.readString(offsetFile, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
        if (offset <= 0 || offset > end) {
            return 0;
        }
        ByteBuffer previous = ByteBuffer.allocate(1);
        channel.read(previous, offset - 1);
        return previous.get(0) == '\n' ? offset : 0;
    }

    private long lastLineEnd() throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        for (long chunkEnd = size; chunkEnd > 0; chunkEnd -= READ_CHUNK) {
            long start = Math.max(0, chunkEnd - READ_CHUNK);
            buffer.clear().limit((int) (chunkEnd - start));
            channel.read(buffer, start);
            for (int i = (int) (chunkEnd - start) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
        }
        return 0;
    }

    private int countLines(long from, long to) throws IOException {
        int lines = 0;
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        for (long position = from; position < to; ) {
            buffer.clear().limit((int) Math.min(READ_CHUNK, to - position));
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
            position += read;
        }
        return lines;
    }
}
