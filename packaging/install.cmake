# What `cmake --install build` puts where, and the Debian package `cpack -G DEB` makes of it
# (scripts/package). Fonts and espeak-ng's voices are Debian packages the .deb depends on, not copies.

# kiosk-full beside kiosk: kiosk hands it every command line but the check-in verbs (kiosk/main_front.cpp).
install(TARGETS kiosk kiosk_full RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The demo site's roster and site.toml (`kiosk demo` on a terminal, training); the kiosk finds them
# beside its binary (cli_common.cpp assetsDir).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/mealhall/assets)

# systemd units name the binary by its installed path. Units, sysusers and tmpfiles snippets go
# under the prefix's lib/ (/usr/lib/... for the .deb: Debian 12's systemd reads both /lib and /usr/lib).
set(MEALHALL_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(MEALHALL_CAGE /usr/bin/cage)
set(MEALHALL_UNIT_DIR ${PROJECT_BINARY_DIR}/systemd)
foreach(unit mealhall-kiosk.service mealhall-kiosk-cage.service)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/systemd/${unit}.in ${MEALHALL_UNIT_DIR}/${unit} @ONLY)
  install(FILES ${MEALHALL_UNIT_DIR}/${unit} DESTINATION lib/systemd/system)
endforeach()
install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mealhall.sysusers DESTINATION lib/sysusers.d RENAME mealhall.conf)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mealhall.tmpfiles DESTINATION lib/tmpfiles.d RENAME mealhall.conf)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/mealhall-kiosk)
# The county setup keys a terminal trusts (issue 14): installed commented and empty, county IT adds
# theirs. FULL_SYSCONFDIR is /etc for the /usr prefix of the .deb (a plain sysconfdir would be
# /usr/etc); the kiosk reads /etc/mealhall/county-setup-keys ($MEALHALL_SETUP_KEYS overrides it).
# A conffile (debian/conffiles): an upgrade never overwrites the keys county IT added.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/etc/county-setup-keys DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/mealhall
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

# The Debian package. Library dependencies come from dpkg-shlibdeps on the binary, not from a list.
set(CPACK_PACKAGE_NAME mealhall-kiosk)
set(CPACK_PACKAGE_VENDOR "Meal-hall kiosk project")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Check-in kiosk for rural elder canteens (老年食堂刷卡终端)")
set(CPACK_PACKAGE_CONTACT "mealhall kiosk maintainers <mealhall@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})  # the units were configured for this prefix
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the kiosk opens at run time, which dpkg-shlibdeps cannot see.
# libcurl is opened on the first request (platform/net/curl_library.cpp), so no binary names it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, espeak-ng-data, libcurl4")
# For mealhall-kiosk-cage.service: cage 0.1.4 does not start without Xwayland (its package does not
# depend on it), and SDL's Wayland window needs an OpenGL ES driver (Mesa's llvmpipe without a GPU).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cups-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_LIST_DIR}/debian/postinst ${CMAKE_CURRENT_LIST_DIR}/debian/prerm ${CMAKE_CURRENT_LIST_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
