package cn.renda.proposals.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Tasklist-like client of Camunda's REST API, as other systems use it (DESIGN.md): it finds a task by the
 * proposal's business key and the task definition key, and completes it with typed variables (codes lists as Json,
 * dates as ISO strings).
 */
public final class EngineRest {

  private final String baseUrl;
  private final String root;

  public EngineRest(String baseUrl) {
    this.baseUrl = baseUrl;
    this.root = "/engine-rest";
  }

  /** A client of the named engine ({@code /engine-rest/engine/{name}/…}), e.g. of another application in the JVM. */
  public EngineRest(String baseUrl, String engineName) {
    this.baseUrl = baseUrl;
    this.root = "/engine-rest/engine/" + engineName;
  }

  /** The id of the one task of that key of the proposal, as the user sees it. */
  public String taskId(String user, String businessKey, String taskKey) {
    JsonNode tasks = Http.as(baseUrl, user, "demo")
        .get(root + "/task?processInstanceBusinessKey=" + encode(businessKey) + "&taskDefinitionKey=" + taskKey)
        .json();
    if (tasks.size() != 1) {
      throw new AssertionError(user + " sees " + tasks.size() + " " + taskKey + " tasks of " + businessKey);
    }
    return tasks.get(0).get("id").asText();
  }

  /** Completes the task as the user; answers the HTTP answer (204 when completed). */
  public Http.Answer complete(String user, String taskId, Map<String, Object> variables) {
    return Http.as(baseUrl, user, "demo")
        .post(root + "/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
  }

  /** Finds and completes the task; fails unless the engine accepted it. */
  public void completeTask(String user, String businessKey, String taskKey, Map<String, Object> variables) {
    Http.Answer answer = complete(user, taskId(user, businessKey, taskKey), variables);
    if (answer.status() != 204) {
      throw new AssertionError(user + " could not complete " + taskKey + ": " + answer.status() + " " + answer.body());
    }
  }

  /** A list of codes as the Json variable Camunda's REST API takes. */
  public static Map<String, Object> json(List<String> codes) {
    return Map.of("value", Http.toJson(codes), "type", "Json");
  }

  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof Map<?, ?> alreadyTyped) {
        typed.put(name, alreadyTyped);
      } else if (value instanceof Boolean) {
        typed.put(name, Map.of("value", value, "type", "Boolean"));
      } else if (value instanceof Integer) {
        typed.put(name, Map.of("value", value, "type", "Integer"));
      } else {
        typed.put(name, Map.of("value", String.valueOf(value), "type", "String"));
      }
    });
    return typed;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
