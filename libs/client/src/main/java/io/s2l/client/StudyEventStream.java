package io.s2l.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.study.StudyView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A study's server-sent events, read as they arrive (the {@code text/event-stream} format of the
 * HTML standard: {@code event:}, {@code data:} and {@code id:} lines, a blank line ending each
 * event, comment lines ignored). Only {@code progress} events are returned: an event of another
 * name, from a newer service, is skipped. {@link #hasNext} blocks until the next event or the end
 * of the stream; {@link #close} ends it from any thread.
 */
public final class StudyEventStream implements Iterator<StudyEvent>, AutoCloseable {

  private final InputStream body;
  private final BufferedReader lines;
  private final ObjectMapper json;
  private final String source;
  private StudyEvent next;
  private volatile boolean ended;

  StudyEventStream(InputStream body, ObjectMapper json, String source) {
    this.body = body;
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    this.json = json;
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      next = read();
      ended = next == null;
    }
    return next != null;
  }

  @Override
  public StudyEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StudyEvent event = next;
    next = null;
    return event;
  }

  /** The events as a stream; closing the stream closes this. */
  public Stream<StudyEvent> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  @Override
  public void close() {
    ended = true;
    try {
      body.close(); // cancels the exchange
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source, e);
    }
  }

  /** The next progress event, or null at the end of the stream. */
  private StudyEvent read() {
    String name = "message";
    String id = null;
    StringBuilder data = null;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (data != null && name.equals("progress")) {
            return new StudyEvent(id, name, study(data.toString()));
          }
          name = "message";
          data = null;
          continue;
        }
        if (line.startsWith(":")) {
          continue; // a comment: the service's heartbeat
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "event" -> name = value;
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          case "id" -> id = value;
          default -> {} // retry, or a field of a newer format: not used here
        }
      }
      return null; // the stream ended; an event without its blank line is dropped, as the format
      // says
    } catch (IOException e) {
      if (ended) {
        return null; // closed by the caller while waiting
      }
      throw new ApiException(
          source + ": the event stream broke: " + e.getMessage(),
          0,
          ApiException.Kind.UNREACHABLE,
          null,
          e);
    }
  }

  private StudyView study(String data) {
    try {
      return json.readValue(data, StudyView.class);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          source + ": unreadable progress event: " + e.getOriginalMessage(),
          0,
          ApiException.Kind.UNREADABLE,
          null,
          e);
    }
  }
}
