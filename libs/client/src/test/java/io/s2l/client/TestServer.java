package io.s2l.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server for the client's tests: each path (with its query) answers as a test sets
 * it, and every request's method, path, headers and body are kept.
 */
final class TestServer implements AutoCloseable {

  /** What a path answers. */
  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  record Request(String method, String path, Headers headers, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  TestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  S2lClient client(String key) {
    return new S2lClient(url(), url(), key);
  }

  void answer(String pathAndQuery, Answer answer) {
    answers.put(pathAndQuery, answer);
  }

  void answer(String pathAndQuery, int status, String contentType, String body) {
    answer(pathAndQuery, exchange -> send(exchange, status, contentType, body));
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().toString();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
    Answer answer = answers.get(path);
    if (answer == null) {
      send(
          exchange,
          404,
          "application/problem+json",
          "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no "
              + path
              + "\"}");
      return;
    }
    answer.answer(exchange);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
