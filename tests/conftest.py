from hypothesis import HealthCheck, settings

# Wall-clock deadlines make property tests flaky on a loaded 2-core machine; speed is measured
# by the benchmark scripts, not by tests.
settings.register_profile("soat", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("soat")
