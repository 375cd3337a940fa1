/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and parallel builds point NEXT_DIST_DIR elsewhere so two builds never share one output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
