package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The model is the documentation: it must open in a modeler (every element drawn), name things readably, and give
 * every user task a due date, someone to do it, a form, and the listeners that keep the record in step.
 */
class ModelTest {

  private final BpmnModelInstance model = read();

  private static BpmnModelInstance read() {
    try (InputStream in = new ClassPathResource("bpmn/proposal-handling.bpmn").getInputStream()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldCarryVersionTagAndHistoryTimeToLive() {
    Process process = model.getModelElementById(ProposalProcess.KEY);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaVersionTag()).isNotBlank();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void shouldDrawEveryElement() {
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId())
        .collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId())
        .collect(Collectors.toSet());

    assertThat(model.getModelElementsByType(FlowNode.class))
        .allSatisfy(node -> assertThat(drawn).contains(node.getId()));
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .allSatisfy(flow -> assertThat(edges).contains(flow.getId()));
  }

  @Test
  void shouldUseReadableIds() {
    Collection<BaseElement> elements = model.getModelElementsByType(BaseElement.class);
    assertThat(elements).allSatisfy(element -> {
      if (element.getId() != null) {
        assertThat(element.getId()).doesNotMatch(".*_[0-9a-z]{7}$");
      }
    });
  }

  @Test
  void shouldGiveEveryUserTaskADueDateSomeoneAFormAndItsListeners() {
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    Set<String> ids = new HashSet<>();
    assertThat(tasks).allSatisfy(task -> {
      ids.add(task.getId());
      assertThat(task.getName()).as(task.getId()).isNotBlank();
      assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNotBlank();
      assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
          .as(task.getId() + " candidate group or assignee").isTrue();
      assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      Set<String> events = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
          .list().stream().map(CamundaTaskListener::getCamundaEvent).collect(Collectors.toSet());
      assertThat(events).as(task.getId() + " listeners").containsExactlyInAnyOrder("create", "complete");
    });
    assertThat(ids).containsExactlyInAnyOrder(ConfirmCoSignature.KEY, DecideShortMotion.KEY,
        ReviewProposal.KEY, AssignAgencies.KEY,
        AcceptAssignment.KEY, ProvideCoOpinion.KEY, DraftReply.KEY,
        ApproveExtension.KEY, SignOffReply.KEY, GiveFeedback.KEY,
        SuperviseDissatisfaction.KEY, SuperviseOverdue.KEY,
        EvaluateHandling.KEY, ReportProgress.KEY);
  }

  @Test
  void shouldDecideEveryPathAtAGatewayWithADefault() {
    assertThat(model.getModelElementsByType(ExclusiveGateway.class)).allSatisfy(gateway -> {
      if (gateway.getOutgoing().size() > 1) {
        assertThat(gateway.getDefault()).as(gateway.getId() + " default flow").isNotNull();
        assertThat(gateway.getName()).as(gateway.getId() + " question").isNotBlank();
      }
    });
  }

  @Test
  void shouldDriveEveryDeadlineByATimerOnTheCalendar() {
    List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getEventDefinitions().iterator().next() instanceof TimerEventDefinition)
        .toList();
    assertThat(timers).hasSizeGreaterThan(5).allSatisfy(timer -> {
      String definition = timer.getEventDefinitions().iterator().next().getDomElement().getChildElements().get(0)
          .getTextContent();
      assertThat(definition).as(timer.getId()).startsWith("${deadlines.");
    });
  }

  @Test
  void shouldLeaveTheReplyPreparationByAnApprovedExtensionThroughItsOwnEvent() {
    EscalationEventDefinition thrown = model.<EndEvent>getModelElementById("EndEvent_ExtensionApproved")
        .getEventDefinitions().stream().map(EscalationEventDefinition.class::cast).findFirst().orElseThrow();
    BoundaryEvent caught = model.getModelElementById("Escalation_ExtensionApprovedCaught");
    EscalationEventDefinition catching = (EscalationEventDefinition) caught.getEventDefinitions().iterator().next();

    assertThat(caught.getAttachedTo().getId()).isEqualTo("replyPreparation");
    assertThat(caught.cancelActivity()).isTrue();
    assertThat(catching.getEscalation()).isSameAs(thrown.getEscalation());
    assertThat(caught.getOutgoing()).extracting(flow -> flow.getTarget().getId())
        .containsExactly("extendReplyDeadline");
    // the way out of the sub-process decides nothing on its own: signed off is its only normal end
    SubProcess preparation = model.getModelElementById("replyPreparation");
    assertThat(preparation.getOutgoing()).extracting(flow -> flow.getTarget().getId()).containsExactly("deliverReply");
  }
}
