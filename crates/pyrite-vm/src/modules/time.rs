//! `time`: clocks and `sleep`; the calendar functions (`localtime`,
//! `strftime`, ...) are in `time_calendar.rs`.
//! Mirrors CPython 3.11 `Modules/timemodule.c`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::args::Args;
use crate::{PyObjectRef, PyResult, Vm};

thread_local! {
    static START: Instant = Instant::now();
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn monotonic() -> Duration {
    START.with(|s| s.elapsed())
}

fn t_time(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "time")?;
    Ok(vm.new_float(since_epoch().as_secs_f64()))
}

fn t_time_ns(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "time_ns")?;
    Ok(vm.new_int(since_epoch().as_nanos() as i64))
}

fn t_monotonic(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "monotonic")?;
    Ok(vm.new_float(monotonic().as_secs_f64()))
}

fn t_monotonic_ns(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "monotonic_ns")?;
    Ok(vm.new_int(monotonic().as_nanos() as i64))
}

fn t_process_time(vm: &Vm, args: Args) -> PyResult {
    args.exact::<0>(vm, "process_time")?;
    Ok(vm.new_float(monotonic().as_secs_f64()))
}

fn t_sleep(vm: &Vm, args: Args) -> PyResult {
    let [s] = args.exact::<1>(vm, "sleep")?;
    let secs = if let Some(f) = s.downcast_ref::<crate::types::float::PyFloat>() {
        f.value
    } else if let Some(i) = crate::types::int::as_i64(s) {
        i as f64
    } else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(s)
        )));
    };
    if secs < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() {
        return Err(vm.new_overflow_error("sleep length is too large"));
    }
    crate::modules::sys::flush_stdout(vm);
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(vm.none.clone())
}

/// Build the `time` module.
pub fn make(vm: &Vm) -> PyResult<PyObjectRef> {
    let m = vm.new_module("time", None);
    let d = vm.module_dict(&m).expect("module");
    let n = "time";
    vm.add_function(d, n, "time", t_time);
    vm.add_function(d, n, "time_ns", t_time_ns);
    vm.add_function(d, n, "monotonic", t_monotonic);
    vm.add_function(d, n, "monotonic_ns", t_monotonic_ns);
    vm.add_function(d, n, "perf_counter", t_monotonic);
    vm.add_function(d, n, "perf_counter_ns", t_monotonic_ns);
    vm.add_function(d, n, "process_time", t_process_time);
    vm.add_function(d, n, "sleep", t_sleep);
    vm.add_function(d, n, "process_time_ns", t_monotonic_ns);
    vm.add_function(d, n, "thread_time", t_process_time);
    vm.add_function(d, n, "thread_time_ns", t_monotonic_ns);
    use super::time_calendar as cal;
    vm.add_function(d, n, "gmtime", cal::t_gmtime);
    vm.add_function(d, n, "localtime", cal::t_localtime);
    vm.add_function(d, n, "mktime", cal::t_mktime);
    vm.add_function(d, n, "asctime", cal::t_asctime);
    vm.add_function(d, n, "ctime", cal::t_ctime);
    vm.add_function(d, n, "strftime", cal::t_strftime);
    vm.add_function(d, n, "strptime", cal::t_strptime);
    vm.add_function(d, n, "tzset", cal::t_tzset);
    vm.add_function(d, n, "__getattr__", cal::t_getattr);
    vm.dict_set_str(d, "_STRUCT_TM_ITEMS", vm.new_int(11));
    cal::add_constants(vm, d);
    Ok(m)
}
