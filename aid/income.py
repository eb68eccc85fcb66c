"""Whether a household meets the income criterion of art. 8 of the Act on social assistance.

"Does not exceed" includes equality. The comparison is made on the whole
household's income (income ≤ criterion × people), so no rounding of the
income per person can tip the answer; the income per person shown is
rounded up to the grosz, so that it never looks lower than the criterion
when the answer is no.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal


@dataclass(frozen=True)
class IncomeAnswer:
    people: int
    income: Decimal
    threshold: Decimal
    criterion: object

    @property
    def lives_alone(self):
        return self.people == 1

    @property
    def meets(self):
        return self.income <= self.threshold * self.people

    @property
    def per_person(self):
        return (self.income / self.people).quantize(Decimal("0.01"), rounding=ROUND_CEILING)

    @property
    def excess(self):
        """How much the income per person exceeds the criterion (0 when it does not)."""
        return max(Decimal("0.00"), self.per_person - self.threshold)


def check(criterion, people, income):
    return IncomeAnswer(
        people=people, income=income, threshold=criterion.threshold(people), criterion=criterion
    )
