"""deltablue: the DeltaBlue incremental constraint solver (Maloney and Freeman-Benson; pyperformance's deltablue).

Variables linked by equality, scale-and-offset, stay and edit constraints of seven strengths; the planner adds and
removes constraints incrementally, walking strengths and marks, and extracts plans that propagate values. The two
classic workloads run on 100 variables: a chain of equalities driven from one end, and a projection through scale
constraints driven from both sides. Each checks its propagated values.
"""
import sys
import time


class Strength:
    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def stronger(self, other):
        return self.rank < other.rank

    def weaker(self, other):
        return self.rank > other.rank

    def weakest(self, other):
        return self if self.weaker(other) else other

    def next_weaker(self):
        return ORDER[self.rank + 1]


REQUIRED = Strength(0, "required")
STRONG_PREFERRED = Strength(1, "strongPreferred")
PREFERRED = Strength(2, "preferred")
STRONG_DEFAULT = Strength(3, "strongDefault")
NORMAL = Strength(4, "normal")
WEAK_DEFAULT = Strength(5, "weakDefault")
WEAKEST = Strength(6, "weakest")
ORDER = [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST]

NONE, FORWARD, BACKWARD = 0, 1, -1


class Variable:
    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, constraint):
        self.constraints.append(constraint)

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    def __init__(self, strength, planner):
        self.strength = strength
        self.planner = planner

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise SystemExit("deltablue: a required constraint could not be satisfied")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise SystemExit("deltablue: a cycle was encountered")
        out.mark = mark
        return overridden

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, variable, strength, planner):
        super().__init__(strength, planner)
        self.my_output = variable
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.my_output.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.my_output.mark != mark and self.strength.stronger(self.my_output.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.my_output

    def recalculate(self):
        self.my_output.walk_strength = self.strength
        self.my_output.stay = not self.is_input()
        if self.my_output.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        if self.my_output is not None:
            self.my_output.remove_constraint(self)
            self.satisfied = False


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, first, second, strength, planner, install=True):
        super().__init__(strength, planner)
        self.v1 = first
        self.v2 = second
        self.direction = NONE
        if install:
            self.install()

    def choose_method(self, mark):
        # The first two tests are overwritten by the third, as in the published algorithm's code.
        if self.v1.mark == mark:
            self.direction = FORWARD if self.v2.mark != mark and self.strength.stronger(self.v2.walk_strength) else NONE
        if self.v2.mark == mark:
            self.direction = BACKWARD if self.v1.mark != mark and self.strength.stronger(self.v1.walk_strength) else NONE
        if self.v1.walk_strength.weaker(self.v2.walk_strength):
            self.direction = BACKWARD if self.strength.stronger(self.v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if self.strength.stronger(self.v2.walk_strength) else BACKWARD

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest(source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None

    def remove_from_graph(self):
        if self.v1 is not None:
            self.v1.remove_constraint(self)
        if self.v2 is not None:
            self.v2.remove_constraint(self)
        self.direction = NONE


class ScaleConstraint(BinaryConstraint):
    def __init__(self, source, scale, offset, destination, strength, planner):
        super().__init__(source, destination, strength, planner, install=False)
        self.scale = scale
        self.offset = offset
        self.install()

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        if self.scale is not None:
            self.scale.remove_constraint(self)
        if self.offset is not None:
            self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest(source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class Plan:
    def __init__(self):
        self.steps = []

    def add(self, constraint):
        self.steps.append(constraint)

    def execute(self):
        for constraint in self.steps:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for candidate in unsatisfied:
                if candidate.strength is strength:
                    self.incremental_add(candidate)
            strength = strength.next_weaker()
            if strength is WEAKEST:
                break

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = sources
        while todo:
            constraint = todo.pop(0)
            if constraint.output().mark != mark and constraint.inputs_known(mark):
                plan.add(constraint)
                constraint.output().mark = mark
                self.add_constraints_consuming_to(constraint.output(), todo)
        return plan

    def extract_plan(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])

    def add_propagate(self, constraint, mark):
        todo = [constraint]
        while todo:
            current = todo.pop(0)
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.add_constraints_consuming_to(current.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            variable = todo.pop(0)
            for constraint in variable.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = variable.determined_by
            for constraint in variable.constraints:
                if constraint is not determining and constraint.is_satisfied():
                    constraint.recalculate()
                    todo.append(constraint.output())
        return unsatisfied

    def add_constraints_consuming_to(self, variable, todo):
        determining = variable.determined_by
        for constraint in variable.constraints:
            if constraint is not determining and constraint.is_satisfied():
                todo.append(constraint)


def chain_test(n):
    planner = Planner()
    previous = first = last = None
    for index in range(n + 1):
        variable = Variable("v" + str(index), 0)
        if previous is not None:
            EqualityConstraint(previous, variable, REQUIRED, planner)
        if index == 0:
            first = variable
        if index == n:
            last = variable
        previous = variable
    StayConstraint(last, STRONG_DEFAULT, planner)
    edit = EditConstraint(first, PREFERRED, planner)
    plan = planner.extract_plan([edit])
    for value in range(100):
        first.value = value
        plan.execute()
        if last.value != value:
            raise SystemExit("deltablue: the chain carried " + str(value) + " to " + str(last.value))


def change(planner, variable, value):
    edit = EditConstraint(variable, PREFERRED, planner)
    plan = planner.extract_plan([edit])
    for _ in range(10):
        variable.value = value
        plan.execute()
    edit.destroy()


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    source = destination = None
    destinations = []
    for index in range(n):
        source = Variable("src" + str(index), index)
        destination = Variable("dst" + str(index), index)
        destinations.append(destination)
        StayConstraint(source, NORMAL, planner)
        ScaleConstraint(source, scale, offset, destination, REQUIRED, planner)
    change(planner, source, 17)
    if destination.value != 1170:
        raise SystemExit("deltablue: projection 1 gave " + str(destination.value))
    change(planner, destination, 1050)
    if source.value != 5:
        raise SystemExit("deltablue: projection 2 gave " + str(source.value))
    change(planner, scale, 5)
    for index in range(n - 1):
        if destinations[index].value != index * 5 + 1000:
            raise SystemExit("deltablue: projection 3 gave " + str(destinations[index].value) + " at " + str(index))
    change(planner, offset, 2000)
    for index in range(n - 1):
        if destinations[index].value != index * 5 + 2000:
            raise SystemExit("deltablue: projection 4 gave " + str(destinations[index].value) + " at " + str(index))


def main():
    rounds = 15 if "--quick" in sys.argv[1:] else 150
    start = time.perf_counter()
    for _ in range(rounds):
        chain_test(100)
        projection_test(100)
    elapsed = time.perf_counter() - start
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
