package cn.renda.proposals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.Answer;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalProcess;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.process.TaskContract;
import cn.renda.proposals.process.Variable;
import cn.renda.proposals.process.View;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deployed model, the deployed Camunda Forms and the contracts of the user tasks agree: a task without a form or
 * contract, a form that asks for something its task does not take or misses an answer, a field the server requires
 * that the form does not, a form that shows what its contract does not prepare, or a choice, a pattern or a length
 * the server does not know breaks the build.
 */
@IntegrationTest
class TaskFormsTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String START = "start";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The start form is the submission (DESIGN.md): what ProposalRules.submission requires, it requires. */
  private static final Set<String> START_REQUIRED = Set.of(ProcessVariables.SUBMITTED_KIND.name(),
      ProcessVariables.SESSION.name(), ProcessVariables.TITLE.name(), ProcessVariables.CONTENT.name(),
      ProcessVariables.LEAD_DEPUTY.name());

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProposalRecords records;
  @Autowired ProposalProcess process;
  @LocalServerPort int port;

  private ProcessDefinition definition;
  private BpmnModelInstance model;
  private Map<String, JsonNode> deployedForms;

  /** A keyed form field, wherever it sits (groups included). */
  record FormField(String key, String type, boolean readonly, boolean required, String label, String hide,
      String subtype, List<String> values, List<String> valueLabels, String valuesKey, Integer maxLength,
      String pattern) {}

  @BeforeEach
  void readDeployment() throws IOException {
    definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProposalProcess.KEY)
        .latestVersion()
        .singleResult();
    model = repositoryService.getBpmnModelInstance(definition.getId());
    deployedForms = new HashMap<>();
    for (Resource resource : repositoryService.getDeploymentResources(definition.getDeploymentId())) {
      if (resource.getName().endsWith(".form")) {
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource.getName())) {
          JsonNode form = JSON.readTree(in);
          assertThat(deployedForms.put(form.get("id").asText(), form)).as("form id " + form.get("id")).isNull();
        }
      }
    }
  }

  @Test
  void shouldDeployAFormAndAContractForTheStartEventAndEveryUserTask() {
    Map<String, String> formRefs = formRefs();

    Set<String> contracts = process.tasks().stream().map(TaskContract::key).collect(Collectors.toSet());
    contracts.add(START);
    assertThat(formRefs.keySet()).as("every user task of the model has a contract, and every contract a task")
        .containsExactlyInAnyOrderElementsOf(contracts);
    formRefs.forEach((step, formRef) -> assertThat(deployedForms).as(step + " → " + formRef).containsKey(formRef));
    assertThat(deployedForms.keySet()).as("no form without a step")
        .containsExactlyInAnyOrderElementsOf(formRefs.values());
  }

  @Test
  void shouldAskForExactlyTheAnswersOfTheTaskAndRequireWhatTheServerRequires() {
    formRefs().forEach((step, formRef) -> {
      Map<String, FormField> inputs = fields(deployedForms.get(formRef)).stream()
          .filter(field -> !field.readonly())
          .collect(Collectors.toMap(FormField::key, field -> field));
      if (step.equals(START)) {
        assertThat(inputs.keySet()).as(formRef + " asks for the submission")
            .containsExactlyInAnyOrderElementsOf(ProcessVariables.START_FORM.stream().map(Variable::name).toList());
        START_REQUIRED.forEach(name -> assertThat(inputs.get(name).required()).as(formRef + ": " + name).isTrue());
        return;
      }
      TaskContract contract = process.task(step).orElseThrow();
      assertThat(inputs.keySet()).as(formRef + " asks for the answers of " + step)
          .containsExactlyInAnyOrderElementsOf(contract.answers().stream().map(Answer::name).toList());
      for (Answer<?> answer : contract.answers()) {
        FormField field = inputs.get(answer.name());
        boolean serverNeedsIt = answer.isRequired() || answer.whenAbsent() != null;
        if (serverNeedsIt) {
          assertThat(field.required()).as(formRef + ": " + answer + " required").isTrue();
        }
        if (answer.appliesWhen() != null) {
          assertThat(hideCondition(deployedForms.get(formRef), answer.name()))
              .as(formRef + ": " + answer + " shown only when " + answer.appliesWhen())
              .isEqualTo(answer.appliesWhen().hideExpression());
        } else if (answer.requiredWhen() != null) {
          assertThat(field.required()).as(formRef + ": " + answer + " is required only when "
              + answer.requiredWhen() + ", which the form cannot say: the server says it").isFalse();
        }
      }
    });
  }

  @Test
  void shouldShowExactlyTheViewsAndEarlierAnswersOfItsContract() {
    formRefs().forEach((step, formRef) -> {
      List<FormField> fields = fields(deployedForms.get(formRef));
      Set<String> shown = fields.stream()
          .filter(FormField::readonly)
          .map(FormField::key)
          .collect(Collectors.toCollection(TreeSet::new));
      fields.stream().map(FormField::valuesKey).filter(key -> key != null).forEach(shown::add);
      Set<String> expected = step.equals(START) ? Set.of() : process.task(step).orElseThrow().shownNames();
      assertThat(shown).as(formRef + " shows what the contract of " + step + " prepares")
          .containsExactlyInAnyOrderElementsOf(expected);
    });
  }

  @Test
  void shouldOfferExactlyTheChoicesTheServerKnowsWithChineseLabels() {
    formRefs().forEach((step, formRef) -> {
      Map<String, Variable<?>> variables = new HashMap<>();
      Map<String, Answer<?>> answers = new HashMap<>();
      if (step.equals(START)) {
        ProcessVariables.START_FORM.forEach(variable -> variables.put(variable.name(), variable));
      } else {
        TaskContract contract = process.task(step).orElseThrow();
        contract.answers().forEach(answer -> {
          answers.put(answer.name(), answer);
          variables.put(answer.name(), answer.variable());
        });
        contract.shown().forEach(variable -> variables.put(variable.name(), variable));
      }
      for (FormField field : fields(deployedForms.get(formRef))) {
        assertThat(field.label()).as(formRef + ": label of " + field.key()).matches(".*\\p{IsHan}.*");
        Variable<?> variable = variables.get(field.key());
        if (variable == null) {
          continue; // a view: text
        }
        Answer<?> answer = answers.get(field.key());
        List<String> choices = answer != null ? answer.choices() : variable.choices();
        if (!choices.isEmpty()) {
          assertThat(field.values()).as(formRef + ": values of " + field.key()).containsExactlyElementsOf(choices);
          for (int i = 0; i < choices.size(); i++) {
            String label = field.valueLabels().get(i);
            assertThat(label).as(formRef + ": label of " + choices.get(i)).matches(".*\\p{IsHan}.*");
            String serverLabel = variable.labelOf(choices.get(i));
            if (!serverLabel.equals(choices.get(i))) {
              assertThat(label).contains(serverLabel.replace(',', '，'));
            }
          }
        }
        if (variable.isDate()) {
          assertThat(field.type() + "/" + field.subtype()).as(formRef + ": " + field.key()).isEqualTo("datetime/date");
        }
        if (answer != null && answer.options() != null) {
          assertThat(field.valuesKey()).as(formRef + ": options of " + field.key()).isEqualTo(answer.options().key());
        }
      }
    });
  }

  @Test
  void shouldCheckLengthsAndPatternsAsTheServerDoes() {
    formRefs().forEach((step, formRef) -> {
      Map<String, FormField> inputs = fields(deployedForms.get(formRef)).stream()
          .filter(field -> !field.readonly())
          .collect(Collectors.toMap(FormField::key, field -> field));
      if (step.equals(START)) {
        assertThat(inputs.get(ProcessVariables.SESSION.name()).pattern())
            .isEqualTo("^" + ProposalRules.SESSION.pattern() + "$");
        assertThat(inputs.get(ProcessVariables.TITLE.name()).maxLength()).isEqualTo(ProposalRules.TITLE_MAX);
        assertThat(inputs.get(ProcessVariables.CONTENT.name()).maxLength()).isEqualTo(ProposalRules.CONTENT_MAX);
        return;
      }
      for (Answer<?> answer : process.task(step).orElseThrow().answers()) {
        FormField field = inputs.get(answer.name());
        if (answer.maxLength() > 0) {
          assertThat(field.maxLength()).as(formRef + ": maximum length of " + answer).isEqualTo(answer.maxLength());
        }
        if (answer.pattern() != null) {
          assertThat(field.pattern()).as(formRef + ": pattern of " + answer)
              .isEqualTo("^" + answer.pattern().pattern() + "$");
        }
      }
    });
  }

  @Test
  void shouldRegisterAMotionThroughTheStartFormAsTasklistSubmitsIt() {
    // given the start form's fields as Tasklist sends them: plain strings, co-signers as comma-separated text
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(ProcessVariables.KIND.name(), "MOTION");
    form.put(ProcessVariables.SESSION.name(), "2026");
    form.put(ProcessVariables.TITLE.name(), "关于加快建设城乡供水一体化工程的议案");
    form.put(ProcessVariables.CONTENT.name(), "建议县政府统筹推进城乡供水一体化。");
    form.put(ProcessVariables.LEAD_DEPUTY.name(), "maohongding");
    form.put(ProcessVariables.CO_SIGNERS.name(), String.join(", ", ProcessDriver.CO_SIGNERS.subList(0, 9)));
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));

    // when the congress office submits it
    Http.Answer answer = Http.as("http://localhost:" + port, "congress-clerk", "demo")
        .post("/engine-rest/process-definition/key/" + ProposalProcess.KEY + "/submit-form",
            Map.of("variables", variables));

    // then the record exists with the ten deputies, the business key is its id, and review shows it
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String id = answer.json().get("businessKey").asText();
    assertThat(records.get(id).deputies()).hasSize(10).startsWith("maohongding", "zhanglihua");
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(ReviewProposal.KEY);
    assertThat(taskService.getVariableLocal(review.getId(), View.PROPOSAL_TITLE.key())).isEqualTo("关于加快建设城乡供水一体化工程的议案");
    assertThat(runtimeService.getVariables(review.getProcessInstanceId()))
        .doesNotContainKeys(ProcessVariables.TITLE.name(), ProcessVariables.CONTENT.name(),
        ProcessVariables.CO_SIGNERS.name());
  }

  /** The formRef of the start event and each user task, by step; each bound to the deployment. */
  private Map<String, String> formRefs() {
    Map<String, String> refs = new LinkedHashMap<>();
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() == model.getModelElementById(ProposalProcess.KEY)) {
        refs.put(START, formRef(start));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      refs.put(task.getId(), formRef(task));
    }
    return refs;
  }

  private static String formRef(BaseElement element) {
    assertThat(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding")).as(element.getId()).isEqualTo("deployment");
    String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
    assertThat(formRef).as(element.getId() + " has a form").isNotBlank();
    return formRef;
  }


  static List<FormField> fields(JsonNode form) {
    List<FormField> fields = new ArrayList<>();
    collect(form.get("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, List<FormField> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), into);
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      component.path("values").forEach(value -> {
        values.add(value.get("value").asText());
        labels.add(value.get("label").asText());
      });
      String label = component.hasNonNull("label") ? component.get("label").asText() : component.path("dateLabel")
          .asText();
      into.add(new FormField(
          component.get("key").asText(),
          component.get("type").asText(),
          component.path("readonly").asBoolean(false),
          component.path("validate").path("required").asBoolean(false),
          label,
          component.path("conditional").path("hide").asText(null),
          component.path("subtype").asText(null),
          values,
          labels,
          component.path("valuesKey").asText(null),
          component.path("validate").has("maxLength") ? component.path("validate").get("maxLength").asInt() : null,
          component.path("validate").path("pattern").asText(null)));
    }
  }

  /** The condition that hides the field, its own or that of the group it sits in. */
  private static String hideCondition(JsonNode form, String key) {
    return hideCondition(form.get("components"), key, null);
  }

  private static String hideCondition(JsonNode components, String key, String inherited) {
    for (JsonNode component : components) {
      String own = component.path("conditional").path("hide").asText(null);
      String effective = own != null ? own : inherited;
      if (key.equals(component.path("key").asText(null))) {
        return effective;
      }
      if (component.has("components")) {
        String found = hideCondition(component.get("components"), key, effective);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
