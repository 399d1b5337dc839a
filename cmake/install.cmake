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
# so those headers install as <laborsim/policy/<type>.hpp>. Every sim/policy/*.hpp is public
# except the engine-side helpers named here, which the installed headers must never include.
# A new private header in sim/policy/ must be added to this list.
set(LABORSIM_PRIVATE_POLICY_HEADERS policy_apply.hpp policy_rules.hpp policy_draws.hpp course.hpp)
file(GLOB LABORSIM_POLICY_HEADERS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/sim/policy/*.hpp")
foreach(header IN LISTS LABORSIM_POLICY_HEADERS)
  get_filename_component(name "${header}" NAME)
  if(NOT name IN_LIST LABORSIM_PRIVATE_POLICY_HEADERS)
    install(FILES "${header}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/laborsim/policy")
  endif()
endforeach()

# `laborsim report` looks for its script next to the installed binary (sim/cli/report_command.cpp).
install(FILES tools/report.py DESTINATION "${CMAKE_INSTALL_DATADIR}/laborsim/tools")

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
