package cn.renda.proposals.platform;

import cn.renda.proposals.web.ErrorReference;
import cn.renda.proposals.web.Paths;
import cn.renda.proposals.web.Problem;
import cn.renda.proposals.web.ProblemKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No answer of 500 or above on Camunda's REST APIs (engine-rest, the webapps' APIs) or on ours tells what failed:
 * Camunda answers with the exception's message, which may hold SQL, data of other users or a stack trace. Such a body
 * is dropped and replaced by a generic message in Chinese and English with an error reference; the log has the
 * reference with the dropped body and the engine's exception. Answers that already name a reference (our API's
 * {@code ApiExceptionHandler}) pass unchanged, and so does every answer below 500, which is never buffered: the body
 * is dropped only while the status is 500 or above.
 *
 * <p>Outside {@link RefusalStatusFilter}, which turns refused input, conflicts and gone tasks into 400, 409 and 404
 * first.
 */
public class ServerErrorFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ServerErrorFilter.class);
  /** How much of a dropped body the log keeps. */
  private static final int KEPT = 16 * 1024;

  private final ObjectMapper json;

  public ServerErrorFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Masking masking = new Masking(request, response);
    Throwable thrown = null;
    EngineFailures.watch();
    try {
      chain.doFilter(request, masking);
      masking.flushWriter();
    } catch (IOException | ServletException | RuntimeException e) {
      thrown = e;
    } finally {
      try {
        if (thrown != null || masking.masking()) {
          answer(request, response, masking, thrown != null ? thrown : EngineFailures.last());
        }
      } finally {
        EngineFailures.stop();
      }
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, Masking masking, Throwable failure)
      throws IOException {
    String reference = ErrorReference.issue(request);
    log.error("Internal error {} of {} {} (answered without details; dropped body: {})", reference,
        request.getMethod(), request.getRequestURI(), masking.dropped(), failure);
    if (response.isCommitted()) {
      return;
    }
    int status = response.getStatus() >= 500 ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    if (Paths.isApi(Paths.of(request))) {
      Problem problem = Problem.of(ProblemKind.INTERNAL, ErrorReference.messageEn(reference),
          ErrorReference.messageZh(reference), request.getRequestURI()).withReference(reference);
      write(response, status, Problem.MEDIA_TYPE, json.writeValueAsBytes(problem));
    } else {
      Map<String, Object> body = CamundaErrors.body("ServerError", ErrorReference.messageZh(reference),
          ErrorReference.messageEn(reference));
      body.put("reference", reference);
      write(response, status, "application/json", json.writeValueAsBytes(body));
    }
  }

  private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * Passes everything through while the status is below 500 (or a reference was already answered); while it is 500
   * or above, keeps the body (and its length, and a container error page) from reaching the client.
   */
  private static final class Masking extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final ByteArrayOutputStream dropped = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Masking(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    boolean masking() {
      return getStatus() >= 500 && ErrorReference.issued(request) == null;
    }

    String dropped() {
      return dropped.toString(StandardCharsets.UTF_8);
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status >= 500 && ErrorReference.issued(request) == null) {
        setStatus(status);
        drop(String.valueOf(message).getBytes(StandardCharsets.UTF_8), 0);
      } else {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (status >= 500 && ErrorReference.issued(request) == null) {
        setStatus(status);
      } else {
        super.sendError(status);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!masking()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!masking()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(masking() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(masking() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!(masking() && "Content-Length".equalsIgnoreCase(name))) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void addIntHeader(String name, int value) {
      if (!(masking() && "Content-Length".equalsIgnoreCase(name))) {
        super.addIntHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      flushWriter();
      if (!masking()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        stream = new MaskingStream();
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
      }
      return writer;
    }

    private void drop(byte[] bytes, int offset, int length) {
      int room = KEPT - dropped.size();
      if (room > 0) {
        dropped.write(bytes, offset, Math.min(room, length));
      }
    }

    private void drop(byte[] bytes, int offset) {
      drop(bytes, offset, bytes.length - offset);
    }

    private final class MaskingStream extends ServletOutputStream {

      @Override
      public void write(int b) throws IOException {
        if (masking()) {
          drop(new byte[] {(byte) b}, 0);
        } else {
          Masking.super.getOutputStream().write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        if (masking()) {
          drop(bytes, offset, length);
        } else {
          Masking.super.getOutputStream().write(bytes, offset, length);
        }
      }

      @Override
      public void flush() throws IOException {
        if (!masking()) {
          Masking.super.getOutputStream().flush();
        }
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException("asynchronous output is not used on these APIs");
      }
    }
  }
}
