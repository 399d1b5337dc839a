# `cmake --install build/release --prefix P` installs the libraries, the public headers, the
# CLI and a CMake package, so that another project can write
#   find_package(laborsim REQUIRED)
#   target_link_libraries(app PRIVATE laborsim::io)   # or laborsim::engine: no YAML, no HDF5
# with CMAKE_PREFIX_PATH=P. tests/consumer/ is such a project; tests/CMakeLists.txt builds it.
include(CMakePackageConfigHelpers)

set(LABORSIM_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/laborsim"
    CACHE STRING "Where laborsimConfig.cmake goes, relative to the install prefix")

set_target_properties(laborsim_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(laborsim_io PROPERTIES EXPORT_NAME io)
# The installed CLI keeps the run paths of libraries outside the system dirs (HDF5, MPI).
set_target_properties(laborsim PROPERTIES INSTALL_RPATH_USE_LINK_PATH TRUE)
install(TARGETS laborsim_engine laborsim_io laborsim
        EXPORT laborsimTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# Public headers: include/laborsim/*.hpp and the generated version.hpp.
install(DIRECTORY include/laborsim DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/include/laborsim/version.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/laborsim")

# Policy specs: each policy type's spec struct lives in sim/policy/<type>.hpp, listed by
# sim/policy/policy_list.hpp, and include/laborsim/policy.hpp includes "policy/policy_list.hpp";
# so those headers install as <laborsim/policy/<type>.hpp>. What is public follows from the
# list itself: policy_list.hpp and every sibling it includes by bare name, transitively (the
# spec headers and target_group.hpp). The rules, hooks and tools headers of sim/policy are
# never reached that way, so they stay private without a list to keep up to date.
set(policy_dir "${CMAKE_CURRENT_SOURCE_DIR}/sim/policy")
set(LABORSIM_PUBLIC_POLICY_HEADERS policy_list.hpp)
set(pending policy_list.hpp)
while(pending)
  list(POP_FRONT pending header)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${policy_dir}/${header}")
  file(STRINGS "${policy_dir}/${header}" lines REGEX "^#include \"[a-z0-9_]+\\.hpp\"")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^#include \"([a-z0-9_]+\\.hpp)\".*" "\\1" sibling "${line}")
    if(NOT sibling IN_LIST LABORSIM_PUBLIC_POLICY_HEADERS)
      list(APPEND LABORSIM_PUBLIC_POLICY_HEADERS "${sibling}")
      list(APPEND pending "${sibling}")
    endif()
  endforeach()
endwhile()
list(TRANSFORM LABORSIM_PUBLIC_POLICY_HEADERS PREPEND "${policy_dir}/")
install(FILES ${LABORSIM_PUBLIC_POLICY_HEADERS} DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/laborsim/policy")

# `laborsim report` looks for its script next to the installed binary (sim/cli/report_command.cpp).
install(FILES tools/report.py DESTINATION "${CMAKE_INSTALL_DATADIR}/laborsim/tools")
install(FILES tools/templates/report.html.j2 DESTINATION "${CMAKE_INSTALL_DATADIR}/laborsim/tools/templates")

install(EXPORT laborsimTargets
        NAMESPACE laborsim::
        DESTINATION "${LABORSIM_INSTALL_CMAKEDIR}")
configure_package_config_file(cmake/laborsimConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/laborsimConfig.cmake"
  INSTALL_DESTINATION "${LABORSIM_INSTALL_CMAKEDIR}")
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/laborsimConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/laborsimConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/laborsimConfigVersion.cmake"
        DESTINATION "${LABORSIM_INSTALL_CMAKEDIR}")
