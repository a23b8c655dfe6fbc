# Every committed fuzz input (tests/fuzz/NAME/) replayed through its harness's checks with
# tests/fuzz/replay.c: plain C, no libFuzzer, so it runs in every build (and under ASan).
file(GLOB FUZZ_HARNESSES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/fuzz_*.c)
foreach(src ${FUZZ_HARNESSES})
  get_filename_component(name ${src} NAME_WE)
  string(REPLACE "fuzz_" "" corpus ${name})
  add_executable(replay_${name} ${src} ${CMAKE_CURRENT_LIST_DIR}/replay.c)
  target_link_libraries(replay_${name} PRIVATE safebase_core)
  add_test(NAME replay_${name} COMMAND replay_${name} ${CMAKE_CURRENT_LIST_DIR}/${corpus})
endforeach()
