# Seed 001, bpo-38006 msg351083 (Victor Stinner): a finalizer calls a function that is part of the same
# cycle. CPython 3.8b4 could clear the function (func_clear) before the finalizer ran and then crash calling
# it; after the fix every finalizer in the trash runs before anything is cleared.
import gc

class CallFunc:
    def __del__(self):
        func = self.func
        if func is None:
            return
        print("CallFunc", func)
        func("call func from CallFunc.__del__")

def create_remove():
    call_func = CallFunc()
    def remove(msg):
        x = call_func
        print(msg)
    remove.__name__ = "evil_func"
    call_func.func = remove
    return call_func, remove

call_func, remove = create_remove()
print("== clear ==")
call_func = None
remove = None
print()

print("== collect ==")
gc.collect()
print()

print("== exit ==")
