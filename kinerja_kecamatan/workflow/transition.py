"""One save of a Monitoring, worked out once: the document before and after, the SOP revision the
cycle runs under, the live Workflow, and which way it moves.

`Monitoring.validate` builds a `Transition`; the edit rules (editing.py), the step log (steps.py)
and the step's effects after the save all read it. "Is this Workflow move forward or back" is
answered in one place, `SopWorkflow.is_forward`, for them, the Workflow desk's sync and the demo.
"""

from dataclasses import dataclass
from functools import cached_property

from kinerja_kecamatan.workflow.setup import SopWorkflow, live_workflow
from kinerja_kecamatan.workflow.sop import Return, Sop
from kinerja_kecamatan.workflow.sop_record import sop_of


def actor_of(number: int, sop: Sop) -> str:
	"""Who must act at step `number` of `sop`, as the live Workflow gives it."""
	workflow = live_workflow()
	return workflow.actor_of(number, sop) if workflow else sop.step(number).actor


@dataclass
class Transition:
	doc: object
	before: object | None
	sop: Sop
	workflow: SopWorkflow | None

	@classmethod
	def of(cls, doc) -> "Transition":
		before = doc.get_doc_before_save()
		return cls(doc, before, sop_of(before or doc), live_workflow())

	@property
	def previous(self) -> int:
		"""The step the cycle was at before this save."""
		return (self.before.langkah or 1) if self.before else 1

	@cached_property
	def current(self) -> int:
		"""The step the cycle is at after it: its Workflow State's."""
		return self.workflow.step_of_state(self.doc.workflow_state) if self.workflow else 1

	@property
	def moving(self) -> bool:
		return bool(self.before) and self.previous != self.current

	@property
	def forward(self) -> bool:
		return self.moving and self.current > self.previous

	@cached_property
	def returned(self) -> Return | None:
		"""The SOP's return ("Tidak") this move is, which needs a written reason."""
		return self.sop.return_between(self.previous, self.current) if self.moving else None

	@cached_property
	def taken(self):
		"""The Workflow transition taken, None when the state was set some other way."""
		if not (self.moving and self.workflow):
			return None
		return self.workflow.taken(self.before.workflow_state, self.doc.workflow_state)

	@property
	def action(self) -> str:
		if self.taken:
			return self.taken.action
		return self.returned.action if self.returned else self.sop.step(self.previous).action

	def actor_of(self, number: int) -> str:
		"""Who acts at a step of this cycle's own SOP revision."""
		return self.workflow.actor_of(number, self.sop) if self.workflow else self.sop.step(number).actor

	def return_actors(self) -> set[str]:
		"""Roles that may send the cycle back from the state it was in."""
		if not (self.workflow and self.before):
			return set()
		return {t.allowed for t in self.workflow.leaving(self.before.workflow_state, forward=False)}
