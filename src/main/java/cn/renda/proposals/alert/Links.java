package cn.renda.proposals.alert;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The addresses that notifications link to, under the configured public base URL. */
@Component
class Links {

  private final String base;
  private final String engineName;

  Links(NotificationProperties properties, @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    String url = properties.baseUrl().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.engineName = engineName;
  }

  /** The task, opened in Tasklist. */
  String task(String taskId) {
    return base + "/camunda/app/tasklist/" + engineName + "/#/?task=" + taskId;
  }

  /** Tasklist, where every open task of the reader is. */
  String tasklist() {
    return base + "/camunda/app/tasklist/" + engineName + "/";
  }

  /** The proposal's page in the deputies' workspace (代表工作台), where they confirm, read replies and rate them. */
  String workspace(String proposalId) {
    return base + "/deputy/proposals/" + proposalId;
  }

  /** The proposal's record (for signed-in users). */
  String record(String proposalId) {
    return base + "/api/proposals/" + proposalId;
  }

  /** The working-day calendar's page (for the congress office and administrators). */
  String calendar() {
    return base + "/calendar";
  }

  /** The published record, open to everyone. */
  String publicRecord(String proposalId) {
    return base + "/public/proposals/" + proposalId;
  }
}
