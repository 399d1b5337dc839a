# ctest `install_consumer`: installs the build into a temporary prefix, builds the consumer
# program in this folder against it with find_package(laborsim) and runs it on a shortened
# quickstart. Run as cmake -P with BUILD_DIR, SOURCE_DIR, WORK_DIR, CONFIG, GENERATOR,
# MAKE_PROGRAM, CXX_COMPILER, CXX_FLAGS, EXE_LINKER_FLAGS (tests/CMakeLists.txt passes them).
cmake_minimum_required(VERSION 3.25)

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/build")
set(months 6)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    file(REMOVE_RECURSE "${WORK_DIR}")
    message(FATAL_ERROR "install_consumer: ${what} failed (${rc}):\n${out}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
run_step("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --config "${CONFIG}")
run_step("configuring the consumer"
  "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/consumer" -B "${consumer_build}" -G "${GENERATOR}"
  "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}"
  "-DCMAKE_BUILD_TYPE=${CONFIG}" "-DCMAKE_PREFIX_PATH=${prefix}"
  # Only the installed package: not the user's or the system's registry of build trees.
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run_step("building the consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" --config "${CONFIG}" -j 2)
find_program(consumer NAMES consumer PATHS "${consumer_build}" "${consumer_build}/${CONFIG}" NO_DEFAULT_PATH)
run_step("running the consumer" "${consumer}" "${SOURCE_DIR}/scenarios/quickstart.yaml" ${months})
message(STATUS "${step_output}")
file(REMOVE_RECURSE "${WORK_DIR}")
if(NOT step_output MATCHES "months run = ${months}, observed = ${months}")
  message(FATAL_ERROR "install_consumer: expected \"months run = ${months}, observed = ${months}\"")
endif()
