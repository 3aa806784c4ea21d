"""The pyproj 3.7 context store keyed by OS thread (jwjt_plugin/proj_threads.py)."""
import threading

from jwjt_plugin.proj_threads import OsThreadContexts, is_affected


def test_only_the_split_lifetime_releases_are_affected():
    assert is_affected("3.7.0") and is_affected("3.7.1") and is_affected("3.7.2")
    assert not is_affected("3.6.1") and not is_affected("3.8.0") and not is_affected("3.4.1")
    assert not is_affected("0+unknown") and not is_affected("")


def test_store_holds_one_context_per_os_thread_beyond_thread_state():
    store = OsThreadContexts()
    store.context_manager = "main"
    seen = []

    def worker():
        seen.append(store.context_manager)  # a new thread starts empty, like threading.local
        store.context_manager = "worker"
        seen.append(store.context_manager)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen == [None, "worker"]
    assert store.context_manager == "main"
    # The worker's entry survives its thread state: that is the point.
    assert "worker" in store.by_thread.values()
