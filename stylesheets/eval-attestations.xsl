<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-attestations.xsl: included by evaluate.xsl.  Membership on the
  evaluation date, fees, the signed Code of Ethics and the examination.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:r="urn:endorse:requirements:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p r c exsl ef">

  <!-- Current on the evaluation date (end dates inclusive).  Lapsed: since
       the day after the last membership that ended on or before the
       evaluation date; one that starts later is shown as starting. -->
  <xsl:template match="r:membership" mode="verdict">
    <xsl:variable name="all" select="$pf/p:attestations/p:membership"/>
    <xsl:variable name="current" select="$all[
        number(translate(@paid-through, '-', '')) &gt;= $as-of-num and
        (not(@since) or number(translate(@since, '-', '')) &lt;= $as-of-num)]"/>
    <xsl:variable name="ended-rtf">
      <xsl:for-each select="$all[number(translate(@paid-through, '-', '')) &lt; $as-of-num]">
        <xsl:sort select="translate(@paid-through, '-', '')" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><m a="{@association}" through="{@paid-through}" lapsed="{ef:date(ef:day(@paid-through) + 1)}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ended" select="exsl:node-set($ended-rtf)/c:m"/>
    <xsl:variable name="next-rtf">
      <xsl:for-each select="$all[@since and number(translate(@since, '-', '')) &gt; $as-of-num]">
        <xsl:sort select="translate(@since, '-', '')" data-type="number"/>
        <xsl:if test="position() = 1"><m a="{@association}" since="{@since}" through="{@paid-through}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="next" select="exsl:node-set($next-rtf)/c:m"/>
    <xsl:variable name="next-s">
      <xsl:if test="$next"><xsl:value-of select="concat(' The next, ', $next/@a, ', starts ', $next/@since, '.')"/></xsl:if>
    </xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$current">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($current[1]/@association, ' membership is paid through ', $current[1]/@paid-through, '.')"/></x>
        </xsl:when>
        <xsl:when test="$ended">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('Membership lapsed: the last one to end, ', $ended/@a, ', was paid through ', $ended/@through, '.', $next-s)"/></x>
          <short>
            <xsl:value-of select="concat('Renew membership: lapsed since ', $ended/@lapsed)"/>
            <xsl:if test="$next"><xsl:value-of select="concat(' (the next membership starts ', $next/@since, ')')"/></xsl:if>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:when>
        <xsl:when test="$next">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No membership is current on ', $as-of, '.', $next-s)"/></x>
          <short><xsl:value-of select="concat('Membership must be current on the evaluation date: ', $next/@a, ' membership starts ', $next/@since, '.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No membership in an infant mental health association is recorded.</x>
          <short><xsl:value-of select="concat('Join ', $assoc, ' or another infant mental health association.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$all">
        <item>
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="count(. | $current) = count($current)">counted</xsl:when>
              <xsl:otherwise>excluded</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="count(. | $current) != count($current)">
            <xsl:attribute name="reason">
              <xsl:choose>
                <xsl:when test="@since and number(translate(@since, '-', '')) &gt; $as-of-num"><xsl:value-of select="concat('starts ', @since)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('ended ', @paid-through)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </xsl:if>
          <xsl:value-of select="@association"/>
          <xsl:if test="@since"><xsl:value-of select="concat(', from ', @since)"/></xsl:if>
          <xsl:value-of select="concat(', paid through ', @paid-through)"/>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:fee" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@amount"/></xsl:call-template></xsl:variable>
    <xsl:variable name="paid-rtf">
      <xsl:for-each select="$pf/p:attestations/p:fee[@kind = $rule/@fee and
          (not(@association) or @association = $assoc) and
          number(translate(@paid, '-', '')) &lt;= $as-of-num]">
        <f><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@amount"/></xsl:call-template></f>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="paid" select="sum(exsl:node-set($paid-rtf)/c:f)"/>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-money"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="paid-s"><xsl:call-template name="fmt-money"><xsl:with-param name="c" select="$paid"/></xsl:call-template></xsl:variable>
    <xsl:variable name="due-s"><xsl:call-template name="fmt-money"><xsl:with-param name="c" select="$need - $paid"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$paid &gt;= $need">
          <xsl:attribute name="status">met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('The ', @fee, ' fee of ', $need-s, ' is paid')"/>
            <xsl:if test="$paid != $need"><xsl:value-of select="concat(' (', $paid-s, ' in all)')"/></xsl:if>
            <xsl:text>.</xsl:text>
          </x>
        </xsl:when>
        <xsl:when test="$paid &gt; 0">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($paid-s, ' of the ', $need-s, ' ', @fee, ' fee is paid.')"/></x>
          <short><xsl:value-of select="concat('Pay the remaining ', $due-s, ' of the ', @fee, ' fee.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No ', @fee, ' fee payment is recorded.')"/></x>
          <short><xsl:value-of select="concat('Pay the ', @fee, ' fee of ', $need-s, '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:attestations/p:fee[@kind = $rule/@fee]">
        <item date="{@paid}">
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@association and @association != $assoc">excluded</xsl:when>
              <xsl:when test="number(translate(@paid, '-', '')) &gt; $as-of-num">excluded</xsl:when>
              <xsl:otherwise>counted</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:choose>
            <xsl:when test="@association and @association != $assoc"><xsl:attribute name="reason"><xsl:value-of select="concat('paid to ', @association)"/></xsl:attribute></xsl:when>
            <xsl:when test="number(translate(@paid, '-', '')) &gt; $as-of-num"><xsl:attribute name="reason">after the evaluation date</xsl:attribute></xsl:when>
          </xsl:choose>
          <xsl:value-of select="concat(@kind, ' fee $', @amount, ' paid ', @paid)"/>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:signature" mode="verdict">
    <xsl:variable name="e" select="$pf/p:attestations/p:ethics"/>
    <v>
      <xsl:choose>
        <xsl:when test="$e and number(translate($e/@signed, '-', '')) &lt;= $as-of-num">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat('Signed on ', $e/@signed, '.')"/></x>
        </xsl:when>
        <xsl:when test="$e">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('Signed on ', $e/@signed, ', after the evaluation date (', $as-of, '): not signed yet on that date.')"/></x>
          <short>Sign the Code of Ethics and Endorsement Agreement.</short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>The Code of Ethics and Endorsement Agreement is not signed.</x>
          <short>Sign the Code of Ethics and Endorsement Agreement.</short>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:exam" mode="verdict">
    <!-- an exam dated after the evaluation date is not taken yet on
         that date, whatever result it records: scheduled (pending) -->
    <xsl:variable name="last-rtf">
      <xsl:for-each select="$pf/p:attestations/p:exam">
        <xsl:sort select="translate(@date, '-', '')" data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <e date="{@date}">
            <xsl:attribute name="status">
              <xsl:choose>
                <xsl:when test="number(translate(@date, '-', '')) &gt; $as-of-num">scheduled</xsl:when>
                <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </e>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="last" select="exsl:node-set($last-rtf)/c:e"/>
    <v>
      <xsl:choose>
        <xsl:when test="$last/@status = 'passed'">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat('Written examination passed on ', $last/@date, '.')"/></x>
        </xsl:when>
        <xsl:when test="$last/@status = 'failed'">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('Written examination failed on ', $last/@date, '.')"/></x>
          <short>Pass the written examination (the last attempt failed).</short>
        </xsl:when>
        <xsl:when test="$last/@status = 'scheduled'">
          <xsl:attribute name="status">pending</xsl:attribute>
          <x><xsl:value-of select="concat('Exam scheduled ', $last/@date, '.')"/></x>
          <short><xsl:value-of select="concat('Pass the written examination (scheduled ', $last/@date, ').')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No written examination is recorded as of ', $as-of, '.')"/></x>
          <short>Schedule and pass the written examination.</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:attestations/p:exam">
        <item>
          <xsl:value-of select="concat(@date, ': ', @status)"/>
          <xsl:if test="@status != 'scheduled' and number(translate(@date, '-', '')) &gt; $as-of-num"> (after the evaluation date: not taken yet)</xsl:if>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

</xsl:stylesheet>
