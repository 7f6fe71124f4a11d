package cn.renda.proposals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese translations of the four Camunda webapps cover every key of the English files shipped in the webapp
 * webjar on the classpath, so a Camunda upgrade that adds texts fails here until they are translated.
 */
class WebappTranslationsTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The app names, one convention everywhere: Camunda's product names, as the header's app switcher shows them. */
  private static final Map<String, String> APP_NAMES = Map.of(
      "TASKLIST_APP", "Tasklist", "COCKPIT_APP", "Cockpit", "ADMIN_APP", "Admin",
      "TASKLIST", "Tasklist", "COCKPIT", "Cockpit", "ADMIN", "Admin");

  /** Names and markers that stay as they are in every language. */
  private static final Set<String> KEPT_AS_IS =
      Set.of("Tasklist", "Cockpit", "Admin", "Camunda", "Camunda Cockpit", "<null>", "<undefined>");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldTranslateEveryKeyOfTheEnglishFile(String app) throws IOException {
    JsonNode english = read(app, "en");
    JsonNode chinese = read(app, "zh");

    List<String> missing = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    List<String> all = new ArrayList<>();
    compare(english, chinese, "", missing, empty, untranslated, all);

    assertThat(missing).as(app + ": keys of en.json missing in zh.json").isEmpty();
    assertThat(empty).as(app + ": empty translations").isEmpty();
    // what stays as in English: product names, ids, formats ("ID", "JSON", "YYYY-MM-DD" …)
    assertThat(untranslated.size()).as(app + ": left in English: " + untranslated).isLessThanOrEqualTo(all.size() / 20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldNameTheAppsTheSameWayInEveryApp(String app) throws IOException {
    JsonNode labels = read(app, "zh").get("labels");

    APP_NAMES.forEach((key, name) -> {
      if (labels.has(key)) {
        assertThat(labels.get(key).asText()).as(app + ": " + key).isEqualTo(name);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldOfferChineseFirstAndKeepEnglish(String app) throws IOException {
    String config = text(APPS + app + "/scripts/config.js");

    assertThat(config).containsPattern("availableLocales'?: \\['zh', 'en', 'de'\\]")
        .containsPattern("fallbackLocale'?: 'zh'");
  }

  @Test
  void shouldLoadTheChineseFormMessagesInTasklist() throws IOException {
    String config = text(APPS + "tasklist/scripts/config.js");

    assertThat(config).contains("customScripts: ['scripts/form-messages-zh']");
    assertThat(text(APPS + "tasklist/scripts/form-messages-zh.js")).contains("Field is required", "此项为必填项");
  }

  private static void compare(JsonNode english, JsonNode chinese, String path, List<String> missing,
      List<String> empty, List<String> untranslated, List<String> all) {
    if (english.isObject()) {
      Iterator<String> names = english.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (chinese == null || !chinese.has(name)) {
          missing.add(path + "/" + name);
        } else {
          compare(english.get(name), chinese.get(name), path + "/" + name, missing, empty, untranslated, all);
        }
      }
    } else if (english.isArray()) {
      if (chinese == null || !chinese.isArray() || chinese.size() != english.size()) {
        missing.add(path + "[" + english.size() + "]");
      }
    } else if (english.isTextual() && !english.asText().isEmpty()) {
      all.add(path);
      // the English plural suffix ("instance" + "s") has no Chinese counterpart
      if (chinese.asText().isBlank() && !english.asText().equals("s")) {
        empty.add(path);
      } else if (english.asText().matches(".*[a-z]{2,}.*") && chinese.asText().equals(english.asText())
          && !KEPT_AS_IS.contains(english.asText())) {
        untranslated.add(path);
      }
    }
  }

  private static JsonNode read(String app, String locale) throws IOException {
    String path = APPS + app + "/locales/" + locale + ".json";
    List<URL> copies = Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(path));
    assertThat(copies).as("exactly one " + path + " on the classpath").hasSize(1);
    try (InputStream in = copies.get(0).openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static String text(String path) throws IOException {
    try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
