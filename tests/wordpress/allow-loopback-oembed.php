<?php
/**
 * Plugin Name: Test fixture: allow oEmbed from loopback
 * Description: TEST FIXTURE ONLY (tests/e2e/wordpress.test.mjs), never part
 * of the product. WordPress refuses to fetch oEmbed data from 127.0.0.1,
 * where the test serves the timeline; and behind a non-default port its
 * canonical redirect loops.
 */
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter( 'http_request_args', function ( $args ) {
	$args['reject_unsafe_urls'] = false;
	return $args;
} );
remove_action( 'template_redirect', 'redirect_canonical' );
