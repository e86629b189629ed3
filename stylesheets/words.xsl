<?xml version="1.0" encoding="UTF-8"?>
<!--
  words.xsl: the one wording table, from the portfolio schema's codes
  (applicant.xsd) to the words a coordinator uses.  Included by
  evaluate.xsl (the checklist's texts say these words, never a code) and
  by common.xsl (the documents' tables); it has no template that matches
  and writes text only.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The wording table: a code of the portfolio schema in the words of
       its documentation.  Unknown codes print with spaces for hyphens. -->
  <xsl:template name="word">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'rsc-provider'">provider of reflective supervision/consultation</xsl:when>
      <xsl:when test="$code = 'rsc-recipient'">recipient of reflective supervision/consultation</xsl:when>
      <xsl:when test="$code = 'rsc-provision'">providing reflective supervision/consultation</xsl:when>
      <xsl:when test="$code = 'rsc-to-practitioners'">reflective supervision/consultation for practitioners</xsl:when>
      <xsl:when test="$code = 'program-supervisor'">program supervisor</xsl:when>
      <xsl:when test="$code = 'department-chair'">department chair</xsl:when>
      <xsl:when test="$code = 'peer-group'">peer group (no supervisor/consultant)</xsl:when>
      <xsl:when test="$code = 'group'">group</xsl:when>
      <xsl:when test="$code = 'individual'">individual</xsl:when>
      <xsl:when test="$code = 'direct-service'">direct service</xsl:when>
      <xsl:when test="$code = 'supervised'">under supervision</xsl:when>
      <xsl:when test="$code = 'graduate-internship'">graduate internship</xsl:when>
      <xsl:when test="$code = 'practice-leadership'">practice leadership</xsl:when>
      <xsl:when test="$code = 'policy-administration'">policy and administration</xsl:when>
      <xsl:when test="$code = 'published-research'">published research</xsl:when>
      <xsl:when test="$code = 'university-teaching'">university teaching</xsl:when>
      <xsl:when test="$code = 'present-publish'">presenting and publishing</xsl:when>
      <xsl:when test="$code = 'imh-presentations'">infant mental health presentations</xsl:when>
      <xsl:when test="$code = 'represent-imh-at-conferences'">representing infant mental health at conferences</xsl:when>
      <xsl:when test="$code = 'university-certificate'">university certificate program</xsl:when>
      <xsl:when test="$code = 'chair-not-familiar-with-imh'">department chair not familiar with infant mental health</xsl:when>
      <xsl:when test="$code = 'syllabi-integration'">infant mental health in syllabi</xsl:when>
      <xsl:when test="$code = 'reflective-practice-groups'">reflective practice groups</xsl:when>
      <xsl:when test="$code = 'system-of-care-planning'">system-of-care planning</xsl:when>
      <xsl:when test="$code = 'conference-planning'">conference planning</xsl:when>
      <xsl:when test="$code = 'endorsed-personnel-preference'">preference for endorsed personnel</xsl:when>
      <xsl:when test="$code = 'reimbursement'">reimbursement for infant mental health services</xsl:when>
      <xsl:when test="$code = 'association-leadership'">leadership in an infant mental health association</xsl:when>
      <xsl:when test="$code = 'policy-feedback'">feedback to state agencies on policies</xsl:when>
      <xsl:when test="$code = 'early-childhood-planning-groups'">early childhood planning groups</xsl:when>
      <xsl:when test="$code = 'policy-making-groups'">policy-making groups</xsl:when>
      <xsl:when test="$code = 'policy-publications'">policy briefs, white papers or position statements</xsl:when>
      <xsl:when test="$code = 'legislation-analysis'">analysis of proposed legislation or policy</xsl:when>
      <xsl:when test="$code = 'certificate-program-leadership'">leadership in a graduate certificate program</xsl:when>
      <xsl:when test="$code = 'doctoral-committee'">doctoral committee membership</xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($code, '-', ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list of codes separated by spaces, as words joined by commas. -->
  <xsl:template name="words">
    <xsl:param name="codes"/>
    <xsl:variable name="s" select="normalize-space($codes)"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:call-template name="word"><xsl:with-param name="code" select="substring-before($s, ' ')"/></xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="words"><xsl:with-param name="codes" select="substring-after($s, ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="word"><xsl:with-param name="code" select="$s"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
