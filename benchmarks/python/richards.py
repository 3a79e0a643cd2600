"""richards: Martin Richards' operating-system simulation (the shape of pyperformance's richards).

Six tasks (idle, worker, two handlers, two devices) of four Task subclasses pass packets through a priority
scheduler, each task with a record object of its own class. One run must end with 9,297 holds and 23,246 queued
packets, the benchmark's own check; the default runs it ten times.
"""
import sys
import time

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE = 1000
KIND_WORK = 1001
BUFFER_SIZE = 4
IDLE_COUNT = 10000
EXPECTED_HOLDS = 9297
EXPECTED_QUEUED = 23246


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class IdleRecord:
    def __init__(self):
        self.control = 1
        self.count = IDLE_COUNT


class WorkerRecord:
    def __init__(self):
        self.destination = HANDLER_A
        self.count = 0


class HandlerRecord:
    def __init__(self):
        self.work_in = None
        self.device_in = None


class DeviceRecord:
    def __init__(self):
        self.pending = None


class System:
    """What the tasks share: the task table, the list in priority order, the counters."""

    def __init__(self):
        self.table = [None] * 7
        self.task_list = None
        self.current_ident = 0
        self.holds = 0
        self.queued = 0


class Task:
    def __init__(self, system, ident, priority, queue, waiting, record):
        self.system = system
        self.link = system.task_list
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.packet_pending = queue is not None
        self.waiting = waiting
        self.holding = False
        self.record = record
        system.task_list = self
        system.table[ident] = self

    def blocked(self):
        return self.holding or (not self.packet_pending and self.waiting)

    def run(self):
        packet = None
        if self.packet_pending and self.waiting and not self.holding:
            packet = self.input
            self.input = packet.link
            self.packet_pending = self.input is not None
            self.waiting = False
        return self.step(packet, self.record)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.holds += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.system.table[ident]
        task.holding = False
        return task if task.priority > self.priority else self

    def queue_packet(self, packet):
        target = self.system.table[packet.ident]
        self.system.queued += 1
        packet.link = None
        packet.ident = self.system.current_ident
        if target.input is None:
            target.input = packet
            target.packet_pending = True
            return target if target.priority > self.priority else self
        target.input = packet.append_to(target.input)
        return self


class IdleTask(Task):
    def step(self, packet, record):
        record.count -= 1
        if record.count == 0:
            return self.hold()
        if record.control & 1 == 0:
            record.control //= 2
            return self.release(DEVICE_A)
        record.control = (record.control // 2) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def step(self, packet, record):
        if packet is None:
            return self.wait()
        record.destination = HANDLER_B if record.destination == HANDLER_A else HANDLER_A
        packet.ident = record.destination
        packet.datum = 0
        for index in range(BUFFER_SIZE):
            record.count += 1
            if record.count > 26:
                record.count = 1
            packet.data[index] = 64 + record.count
        return self.queue_packet(packet)


class HandlerTask(Task):
    def step(self, packet, record):
        if packet is not None:
            if packet.kind == KIND_WORK:
                record.work_in = packet.append_to(record.work_in)
            else:
                record.device_in = packet.append_to(record.device_in)
        work = record.work_in
        if work is not None:
            count = work.datum
            if count >= BUFFER_SIZE:
                record.work_in = work.link
                return self.queue_packet(work)
            device = record.device_in
            if device is not None:
                record.device_in = device.link
                device.datum = work.data[count]
                work.datum = count + 1
                return self.queue_packet(device)
        return self.wait()


class DeviceTask(Task):
    def step(self, packet, record):
        if packet is None:
            packet = record.pending
            if packet is None:
                return self.wait()
            record.pending = None
            return self.queue_packet(packet)
        record.pending = packet
        return self.hold()


def run_once():
    system = System()
    IdleTask(system, IDLE, 0, None, False, IdleRecord())
    queue = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
    WorkerTask(system, WORKER, 1000, queue, True, WorkerRecord())
    queue = Packet(Packet(Packet(None, DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE)
    HandlerTask(system, HANDLER_A, 2000, queue, True, HandlerRecord())
    queue = Packet(Packet(Packet(None, DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE)
    HandlerTask(system, HANDLER_B, 3000, queue, True, HandlerRecord())
    DeviceTask(system, DEVICE_A, 4000, None, True, DeviceRecord())
    DeviceTask(system, DEVICE_B, 5000, None, True, DeviceRecord())

    task = system.task_list
    while task is not None:
        if task.blocked():
            task = task.link
        else:
            system.current_ident = task.ident
            task = task.run()
    return system.holds, system.queued


def main():
    runs = 1 if "--quick" in sys.argv[1:] else 10
    start = time.perf_counter()
    for _ in range(runs):
        holds, queued = run_once()
        if (holds, queued) != (EXPECTED_HOLDS, EXPECTED_QUEUED):
            raise SystemExit("richards: " + str(holds) + " holds and " + str(queued) + " packets queued, expected "
                             + str(EXPECTED_HOLDS) + " and " + str(EXPECTED_QUEUED))
    elapsed = time.perf_counter() - start
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
