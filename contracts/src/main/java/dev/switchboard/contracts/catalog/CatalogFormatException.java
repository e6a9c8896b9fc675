package dev.switchboard.contracts.catalog;

/** A catalog file that cannot be read; the message names the source, the line and (when known) the column. */
public final class CatalogFormatException extends IllegalArgumentException {

    private final String sourceName;
    private final int line;
    private final int column;

    CatalogFormatException(String sourceName, int line, int column, String problem) {
        super(sourceName + " line " + line + (column > 0 ? ", column " + column : "") + ": " + problem);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
    }

    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }

    /** The 1-based column number, or {@code 0} when the problem is the whole line. */
    public int column() {
        return column;
    }
}
