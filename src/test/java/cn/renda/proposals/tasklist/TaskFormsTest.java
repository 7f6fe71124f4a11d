package cn.renda.proposals.tasklist;

import static cn.renda.proposals.process.ProcessVariables.*;
import static cn.renda.proposals.process.ProposalProcess.*;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.Decisions;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalProcess;
import cn.renda.proposals.process.TaskViews;
import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.CommunicationMethod;
import cn.renda.proposals.proposal.Labelled;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.Satisfaction;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deployed model and the deployed Camunda Forms agree with each other, with the variables of the process and with
 * DESIGN.md: a renamed variable, a task without a form, a form without a field DESIGN.md asks for, or a choice that
 * offers a value the server does not know breaks the build.
 */
@IntegrationTest
class TaskFormsTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String START = "start";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** DESIGN.md, "The lifecycle": what is recorded at each step (the start event: the submission). */
  private static final Map<String, List<String>> RECORDED = Map.ofEntries(
      entry(START, List.of(KIND, TITLE, CONTENT, LEAD_DEPUTY, CO_SIGNERS, SESSION)),
      entry(REVIEW_PROPOSAL, List.of(REVIEW_DECISION, REVIEW_COMMENT, PRIORITY)),
      entry(ASSIGN_AGENCIES, List.of(LEAD_AGENCY, CO_AGENCIES, REPLY_ISSUER)),
      entry(ACCEPT_ASSIGNMENT, List.of(ASSIGNMENT_DECISION, DISPUTE_REASON)),
      entry(PROVIDE_CO_OPINION, List.of(CO_OPINION)),
      entry(DRAFT_REPLY, List.of(REPLY_TEXT, CLASSIFICATION, COMMUNICATION_METHOD, CONTACT_PERSON, CONTACT_PHONE,
          PUBLISHABLE, PLANNED_RESOLUTION_DATE, EXTENSION_REASON, EXTENSION_UNTIL)),
      entry(SIGN_OFF_REPLY, List.of(SIGN_OFF_DECISION, SIGN_OFF_COMMENT)),
      entry(GIVE_FEEDBACK, List.of(SATISFACTION, FEEDBACK_COMMENT)),
      entry(SUPERVISE_DISSATISFACTION, List.of(SUPERVISION_DECISION, SUPERVISION_COMMENT)),
      entry(EVALUATE_HANDLING, List.of(FINAL_CLASSIFICATION, EVALUATION_COMMENT)),
      entry(APPROVE_EXTENSION, List.of(EXTENSION_DECISION)),
      entry(SUPERVISE_OVERDUE, List.of(SUPERVISION_NOTE)),
      entry(REPORT_PROGRESS, List.of(PROGRESS_REPORT, RESOLVED)));

  /** What the server refuses to go without (TaskCompletion, ProposalRules): required in the form too. */
  private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
      entry(START, List.of(KIND, SESSION, TITLE, CONTENT, LEAD_DEPUTY)),
      entry(REVIEW_PROPOSAL, List.of(REVIEW_DECISION)),
      entry(ASSIGN_AGENCIES, List.of(LEAD_AGENCY)),
      entry(ACCEPT_ASSIGNMENT, List.of(ASSIGNMENT_DECISION, DISPUTE_REASON)),
      entry(PROVIDE_CO_OPINION, List.of(CO_OPINION)),
      entry(DRAFT_REPLY, List.of(DRAFT_ACTION, REPLY_TEXT, CLASSIFICATION, COMMUNICATION_METHOD,
          PLANNED_RESOLUTION_DATE, EXTENSION_REASON, EXTENSION_UNTIL)),
      entry(SIGN_OFF_REPLY, List.of(SIGN_OFF_DECISION, SIGN_OFF_COMMENT)),
      entry(GIVE_FEEDBACK, List.of(SATISFACTION)),
      entry(SUPERVISE_DISSATISFACTION, List.of(SUPERVISION_DECISION, SUPERVISION_COMMENT)),
      entry(EVALUATE_HANDLING, List.of(FINAL_CLASSIFICATION)),
      entry(APPROVE_EXTENSION, List.of(EXTENSION_DECISION)),
      entry(SUPERVISE_OVERDUE, List.of(SUPERVISION_NOTE)),
      entry(REPORT_PROGRESS, List.of(PROGRESS_REPORT)));

  /** Required only in one case: shown only in that case (DESIGN.md: the reason of a dispute, a B reply's date …). */
  private static final Map<String, String> ONLY_WHEN = Map.of(
      DISPUTE_REASON, "assignmentDecision != \"DISPUTE\"",
      SIGN_OFF_COMMENT, "signOffDecision != \"RETURN\"",
      PLANNED_RESOLUTION_DATE, "classification != \"B\"",
      EXTENSION_REASON, "draftAction != \"REQUEST_EXTENSION\"",
      EXTENSION_UNTIL, "draftAction != \"REQUEST_EXTENSION\"");

  /** Answers of earlier steps a form may show as they are (read-only); everything else shown comes from TaskViews. */
  private static final Set<String> SHOWN_AS_RECORDED = Set.of(REPLY_TEXT, CLASSIFICATION, COMMUNICATION_METHOD,
      CONTACT_PERSON, CONTACT_PHONE, PUBLISHABLE, PLANNED_RESOLUTION_DATE, EXTENSION_REASON, EXTENSION_UNTIL,
      DISPUTE_REASON);

  /** The choices the server accepts, by variable. */
  private static final Map<String, List<? extends Enum<?>>> CHOICES = Map.ofEntries(
      entry(KIND, List.of(ProposalKind.values())),
      entry(REVIEW_DECISION, List.of(Decisions.Review.values())),
      entry(PRIORITY, List.of(Priority.values())),
      entry(ASSIGNMENT_DECISION, List.of(Decisions.Assignment.values())),
      entry(DRAFT_ACTION, List.of(Decisions.DraftAction.values())),
      entry(CLASSIFICATION, List.of(Classification.values())),
      entry(FINAL_CLASSIFICATION, List.of(Classification.values())),
      entry(COMMUNICATION_METHOD, List.of(CommunicationMethod.values())),
      entry(EXTENSION_DECISION, List.of(Decisions.Extension.values())),
      entry(SIGN_OFF_DECISION, List.of(Decisions.SignOff.values())),
      entry(SATISFACTION, Arrays.stream(Satisfaction.values()).filter(s -> s != Satisfaction.NO_RESPONSE).toList()),
      entry(SUPERVISION_DECISION, List.of(Decisions.Supervision.values())));

  private static final Set<String> DATES = Set.of(PLANNED_RESOLUTION_DATE, EXTENSION_UNTIL, REPLY_DEADLINE);
  private static final Set<String> AGENCY_CHOICES = Set.of(LEAD_AGENCY, CO_AGENCIES, REPLY_ISSUER);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProposalRecords records;
  @LocalServerPort int port;

  private ProcessDefinition definition;
  private BpmnModelInstance model;
  private Map<String, JsonNode> deployedForms;

  /** A keyed form field, wherever it sits (groups included). */
  record FormField(String key, String type, boolean readonly, boolean required, String label, String hide,
      String subtype, List<String> values, List<String> valueLabels, String valuesKey) {}

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
  void shouldDeployAFormForTheStartEventAndEveryUserTask() {
    Map<String, String> formRefs = formRefs();

    assertThat(formRefs.keySet()).as("every user task and the start event is in the table mirroring DESIGN.md")
        .containsExactlyInAnyOrderElementsOf(RECORDED.keySet());
    formRefs.forEach((step, formRef) -> assertThat(deployedForms).as(step + " → " + formRef).containsKey(formRef));
    assertThat(deployedForms.keySet()).as("no form without a step").containsExactlyInAnyOrderElementsOf(formRefs.values());
  }

  @Test
  void shouldAskForWhatDesignRecordsAtEachStepAndRequireWhatTheServerRequires() {
    formRefs().forEach((step, formRef) -> {
      Map<String, FormField> inputs = fields(deployedForms.get(formRef)).stream()
          .filter(field -> !field.readonly())
          .collect(Collectors.toMap(FormField::key, field -> field));

      assertThat(inputs.keySet()).as(formRef + " asks for").containsAll(RECORDED.get(step));
      for (String required : REQUIRED.get(step)) {
        assertThat(inputs.get(required).required()).as(formRef + ": " + required + " required").isTrue();
        if (ONLY_WHEN.containsKey(required)) {
          assertThat(hideCondition(deployedForms.get(formRef), required))
              .as(formRef + ": " + required + " shown only when needed")
              .isEqualTo("=" + ONLY_WHEN.get(required));
        }
      }
    });
  }

  @Test
  void shouldUseOnlyVariablesOfTheProcessAndTheViewsOfItsTask() {
    Set<String> variables = variableNames();
    formRefs().forEach((step, formRef) -> {
      List<FormField> fields = fields(deployedForms.get(formRef));

      assertThat(fields).extracting(FormField::key).as(formRef + " uses variables of ProcessVariables only")
          .allMatch(variables::contains);
      Set<String> views = fields.stream()
          .filter(FormField::readonly)
          .map(FormField::key)
          .filter(key -> !SHOWN_AS_RECORDED.contains(key))
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> agencyOptions = fields.stream()
          .map(FormField::valuesKey)
          .filter(key -> key != null)
          .collect(Collectors.toSet());
      views.addAll(agencyOptions);
      assertThat(views).as(formRef + " shows what TaskViews prepares for " + step)
          .containsExactlyInAnyOrderElementsOf(TaskViews.VIEWS.getOrDefault(step, List.of()));
    });
  }

  @Test
  void shouldOfferExactlyTheChoicesTheServerKnowsWithChineseLabels() {
    formRefs().forEach((step, formRef) -> {
      for (FormField field : fields(deployedForms.get(formRef))) {
        assertThat(field.label()).as(formRef + ": label of " + field.key()).matches(".*\\p{IsHan}.*");
        if (CHOICES.containsKey(field.key())) {
          List<? extends Enum<?>> choices = CHOICES.get(field.key());
          assertThat(field.values()).as(formRef + ": values of " + field.key())
              .containsExactlyElementsOf(choices.stream().map(Enum::name).toList());
          for (int i = 0; i < choices.size(); i++) {
            String label = field.valueLabels().get(i);
            assertThat(label).as(formRef + ": label of " + choices.get(i)).matches(".*\\p{IsHan}.*");
            if (choices.get(i) instanceof Labelled labelled) {
              assertThat(label).contains(labelled.label().replace(',', '，'));
            }
          }
        }
        if (DATES.contains(field.key())) {
          assertThat(field.type() + "/" + field.subtype()).as(formRef + ": " + field.key()).isEqualTo("datetime/date");
        }
        if (AGENCY_CHOICES.contains(field.key())) {
          assertThat(field.valuesKey()).as(formRef + ": options of " + field.key()).isEqualTo(AGENCY_OPTIONS);
        }
      }
    });
  }

  @Test
  void shouldRegisterAMotionThroughTheStartFormAsTasklistSubmitsIt() {
    // given the start form's fields as Tasklist sends them: plain strings, co-signers as comma-separated text
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(KIND, "MOTION");
    form.put(SESSION, "2026");
    form.put(TITLE, "关于加快建设城乡供水一体化工程的议案");
    form.put(CONTENT, "建议县政府统筹推进城乡供水一体化。");
    form.put(LEAD_DEPUTY, "maohongding");
    form.put(CO_SIGNERS, String.join(", ", ProcessDriver.CO_SIGNERS.subList(0, 9)));
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));

    // when the congress office submits it
    Http.Answer answer = Http.as("http://localhost:" + port, "congress-clerk", "demo")
        .post("/engine-rest/process-definition/key/" + ProposalProcess.KEY + "/submit-form", Map.of("variables", variables));

    // then the record exists with the ten deputies, the business key is its id, and review shows it
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String id = answer.json().get("businessKey").asText();
    assertThat(records.get(id).deputies()).hasSize(10).startsWith("maohongding", "zhanglihua");
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(REVIEW_PROPOSAL);
    assertThat(taskService.getVariableLocal(review.getId(), PROPOSAL_TITLE)).isEqualTo("关于加快建设城乡供水一体化工程的议案");
    assertThat(runtimeService.getVariables(review.getProcessInstanceId())).doesNotContainKeys(TITLE, CONTENT, CO_SIGNERS);
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

  private static Set<String> variableNames() {
    Set<String> names = new HashSet<>();
    for (Field field : ProcessVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
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
      String label = component.hasNonNull("label") ? component.get("label").asText() : component.path("dateLabel").asText();
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
          component.path("valuesKey").asText(null)));
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
