package io.cxscore.batch;

import java.io.Serializable;

/** A source file and the format to read it with. */
public record InputFile(String path, String format) implements Serializable {}
