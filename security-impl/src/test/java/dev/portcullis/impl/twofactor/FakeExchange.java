package dev.portcullis.impl.twofactor;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request, its session and its response, as far as the two-factor beans use them: attributes,
 * cookies sent by the browser, cookies and headers set on the response.
 */
final class FakeExchange {

  final Map<String, Object> session = new HashMap<>();
  final List<Cookie> requestCookies = new ArrayList<>();
  final List<Cookie> responseCookies = new ArrayList<>();
  final Map<String, String> responseHeaders = new HashMap<>();
  boolean secure;

  HttpServletRequest request() {
    return proxy(
        HttpServletRequest.class,
        (method, args) ->
            switch (method) {
              case "getSession" -> session();
              case "getCookies" ->
                  requestCookies.isEmpty() ? null : requestCookies.toArray(Cookie[]::new);
              case "getContextPath" -> "/app";
              case "isSecure" -> secure;
              default -> null;
            });
  }

  HttpServletResponse response() {
    return proxy(
        HttpServletResponse.class,
        (method, args) -> {
          switch (method) {
            case "addCookie" -> responseCookies.add((Cookie) args[0]);
            case "addHeader", "setHeader" ->
                responseHeaders.put((String) args[0], (String) args[1]);
            default -> {}
          }
          return null;
        });
  }

  private HttpSession session() {
    return proxy(
        HttpSession.class,
        (method, args) ->
            switch (method) {
              case "getAttribute" -> session.get((String) args[0]);
              case "setAttribute" -> session.put((String) args[0], args[1]);
              case "removeAttribute" -> session.remove((String) args[0]);
              default -> null;
            });
  }

  private interface Handler {
    Object handle(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            FakeExchange.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> handler.handle(method.getName(), args)));
  }
}
